from django.core.paginator import Paginator
from django.shortcuts import render

from people.visibility import visible_pages


def search(request):
    query = request.GET.get("q", "").strip()
    results = None
    if query:
        pages = visible_pages(request.user).specific().search(query)
        results = Paginator(pages, 20).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})
