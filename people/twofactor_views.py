"""Sign-in with a second factor, and turning it on or off (rules in people/twofactor.py)."""

import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from . import twofactor


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "aria-describedby": "id_code_helptext",
            }
        ),
    )


class SignInView(LoginView):
    """The password step. Someone with a second factor is not signed in yet: who they are is
    kept for the code step, for a few minutes."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not twofactor.has_second_factor(user):
            return super().form_valid(form)
        self.request.session[twofactor.PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "username": form.cleaned_data["username"],
            "next": self.get_success_url(),
            "at": time.time(),
        }
        return redirect("login_code")


def _pending_user(request):
    pending = request.session.get(twofactor.PENDING)
    if not pending or time.time() - pending.get("at", 0) > twofactor.PENDING_SECONDS:
        request.session.pop(twofactor.PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def _code_failed(request, username, form):
    """Count a wrong code as a failed sign-in (django-axes); the answer if that locks it."""
    credentials = {"username": username}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if AxesProxyHandler.is_locked(request, credentials):
        request.session.pop(twofactor.PENDING, None)
        return get_lockout_response(request, None, credentials)
    form.add_error("code", "That code is not right. Check the time on your phone and try again.")
    return None


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in_code(request):
    user, pending = _pending_user(request)
    if user is None:
        messages.info(request, "Sign in again: the time for entering the code ran out.")
        return redirect("login")
    credentials = {"username": pending["username"]}
    if AxesProxyHandler.is_locked(request, credentials):
        request.session.pop(twofactor.PENDING, None)
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            request.session.pop(twofactor.PENDING, None)
            auth_login(request, user, backend=pending["backend"])
            otp_login(request, device)
            if device.persistent_id.startswith("otp_static"):
                left = twofactor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You used a recovery code: {left} left. Make new ones from your profile.",
                )
            return redirect(pending["next"])
        locked = _code_failed(request, pending["username"], form)
        if locked is not None:
            return locked
    return render(request, "registration/login_code.html", {"form": form})


def _show_codes(request, codes):
    return render(request, "people/two_factor_codes.html", {"codes": codes})


@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Turn two-factor sign-in on (authenticator app and recovery codes), make new recovery
    codes, or turn it off when it is not required."""
    user = request.user
    enrolled = twofactor.has_second_factor(user)
    required = twofactor.second_factor_required(user)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = CodeForm(request.POST if action in {"enrol", "verify"} else None)
    if enrolled and not user.is_verified():
        # Signed in without the code (an older session): prove it before anything else.
        if action == "verify" and form.is_valid():
            device = twofactor.verify_code(user, form.cleaned_data["code"])
            if device is not None:
                otp_login(request, device)
                return redirect("two_factor")
            locked = _code_failed(request, user.get_username(), form)
            if locked is not None:
                return locked
        return render(request, "people/two_factor_verify.html", {"form": form})
    if action == "enrol" and not enrolled and form.is_valid():
        device = twofactor.pending_app_device(user)
        codes = twofactor.confirm_app_device(device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is on.")
            return _show_codes(request, codes)
        form.add_error(
            "code", "That code is not right. Check the time on your phone and try again."
        )
    elif action == "recovery" and enrolled:
        return _show_codes(request, twofactor.new_recovery_codes(user))
    elif action == "off" and enrolled and not required:
        twofactor.turn_off(user)
        messages.success(request, "Two-factor sign-in is off.")
        return redirect(reverse("my_profile") + "#two-factor")
    context = {"enrolled": enrolled, "required": required, "form": form}
    if enrolled:
        context["codes_left"] = twofactor.recovery_codes_left(user)
    else:
        device = twofactor.pending_app_device(user)
        context["qr"] = twofactor.qr_data_uri(device)
        context["secret"] = twofactor.secret_text(device)
    return render(request, "people/two_factor.html", context)
