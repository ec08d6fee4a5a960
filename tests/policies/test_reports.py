import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

from policies import services

from .factories import PolicyPageFactory, publish


def report_url(policy, school=None):
    return policy.url + "acknowledgements/" + (f"?school={school.slug}" if school else "")


def test_headteacher_report_shows_only_own_school(client, policy, schools, make_staff, head_of):
    coppice, langley = schools
    ours = make_staff(coppice, 2)
    theirs = make_staff(langley, 2)
    services.acknowledge(ours[0], policy)
    head = head_of(coppice)
    client.force_login(head)
    response = client.get(report_url(policy))
    assert response.status_code == 200
    html = response.content.decode()
    for user in ours:
        assert user.get_full_name() in html
    for user in theirs:
        assert user.get_full_name() not in html
    # Asking for another school is refused, not quietly widened.
    assert client.get(report_url(policy, langley)).status_code == 403
    assert client.get(policy.url + "acknowledgements/csv/?school=langley").status_code == 403


def test_teacher_cannot_see_reports(client, policy, teacher):
    client.force_login(teacher)
    assert client.get(report_url(policy)).status_code == 403
    assert client.get(policy.get_parent().url + "acknowledgements/").status_code == 403


def test_admin_sees_every_school_side_by_side(client, policy, schools, make_staff, trust_admin):
    coppice, langley = schools
    a = make_staff(coppice, 2)
    make_staff(langley, 3)
    services.acknowledge(a[0], policy)
    client.force_login(trust_admin)
    response = client.get(policy.get_parent().url + "acknowledgements/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Coppice" in html and "Langley" in html
    assert "1 of 2" in html and "0 of 3" in html
    response = client.get(policy.get_parent().url + "acknowledgements/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["policy", "version", "school"]
    by_school = {r[2]: r for r in rows[1:]}
    assert by_school["Coppice Primary"][3:] == ["2", "1", "1", "50"]
    assert by_school["Langley School"][3:] == ["3", "0", "3", "0"]


def test_policy_csv_export(client, policy, schools, make_staff, head_of):
    coppice, _ = schools
    done, todo = make_staff(coppice, 2)
    services.acknowledge(done, policy)
    head = head_of(coppice)
    client.force_login(head)
    response = client.get(policy.url + "acknowledgements/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_user = {r["username"]: r for r in rows}
    assert set(by_user) == {done.username, todo.username, head.username}
    assert by_user[done.username]["status"] == "acknowledged"
    assert by_user[done.username]["acknowledged version"] == "1"
    assert by_user[todo.username]["status"] == "outstanding"
    assert all(r["school"] == "Coppice Primary" for r in rows)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_reports_run_a_constant_number_of_queries(
    client, policy_index, schools, make_staff, head_of, trust_admin
):
    coppice, langley = schools
    policies = [publish(PolicyPageFactory(parent=policy_index)) for _ in range(2)]
    head = head_of(coppice)
    urls_head = [
        report_url(policies[0]),
        policies[0].url + "acknowledgements/csv/",
        policy_index.url + "acknowledgements/",
    ]
    urls_admin = [
        report_url(policies[0]),
        policy_index.url + "acknowledgements/",
        policy_index.url + "acknowledgements/csv/",
    ]

    def add_staff(n):
        for school in schools:
            users = make_staff(school, n)
            for user in users[::2]:
                services.acknowledge(user, policies[0])

    def measure():
        client.force_login(head)
        counts = [count_queries(client, url) for url in urls_head]
        client.force_login(trust_admin)
        counts += [count_queries(client, url) for url in urls_admin]
        return counts

    add_staff(3)
    measure()  # warm caches (site root paths etc.)
    at_n = measure()
    add_staff(3)
    at_2n = measure()
    assert at_n == at_2n


def test_home_panels_run_a_constant_number_of_queries(
    policy_index, schools, make_staff, head_of, django_assert_max_num_queries
):
    coppice, _ = schools
    head = head_of(coppice)
    for _ in range(3):
        publish(PolicyPageFactory(parent=policy_index))
    services.home_panels(head)
    with CaptureQueriesContext(connection) as few:
        services.home_panels(head)
    for _ in range(6):
        publish(PolicyPageFactory(parent=policy_index))
    make_staff(coppice, 5)
    with CaptureQueriesContext(connection) as many:
        panels = services.home_panels(head)
    assert len(few.captured_queries) == len(many.captured_queries)
    assert len(panels["policy_tasks"]) == 9
    assert len(panels["policy_updates"]) == 5
