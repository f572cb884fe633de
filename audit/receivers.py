"""What the audit log records by itself, from Django's and django-axes' signals:
sign-in, failed sign-in, sign-out, lockout, a password set through a reset link or
changed, and role (group) changes. Connected in `AuditConfig.ready()`."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save

from audit.models import AuditAction
from audit.services import record


def _address(request) -> str:
    return (request.META.get("REMOTE_ADDR", "") if request is not None else "")[:45]


def _person(user):
    # The reverse one-to-one raises a subclass of AttributeError when there is none.
    return getattr(user, "employee", None)


def signed_in(sender, request, user, **kwargs) -> None:
    record(
        action=AuditAction.SIGN_IN,
        actor=user,
        target=user.get_username(),
        target_employee=_person(user),
        address=_address(request),
    )


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already masked the password; only the name typed is kept.
    name = str(credentials.get("username") or credentials.get("email") or "")
    record(action=AuditAction.SIGN_IN_FAILED, target=name[:150], address=_address(request))


def signed_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    record(action=AuditAction.SIGN_OUT, actor=user, target=user.get_username())


def locked_out(sender, request, username, ip_address, **kwargs) -> None:
    """django-axes' user_locked_out."""
    record(action=AuditAction.LOCKOUT, target=str(username or "")[:150], address=ip_address or "")


def password_saved(sender, instance, created, **kwargs) -> None:
    # AbstractBaseUser keeps the new raw password in _password until save() has run
    # (for the validators' password_changed()), so it says a password was just set.
    if created or getattr(instance, "_password", None) is None:
        return
    record(
        action=AuditAction.PASSWORD_SET,
        target=instance.get_username(),
        target_employee=_person(instance),
    )


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    if action == "pre_clear":
        # Remember what a clear() removes; post_clear is not told.
        if reverse:
            instance._audit_cleared = list(instance.user_set.values_list("pk", flat=True))
        else:
            instance._audit_cleared = list(instance.groups.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = set(getattr(instance, "_audit_cleared", []))
    if not pk_set:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:
        changes = [(user, [instance.name]) for user in user_model.objects.filter(pk__in=pk_set)]
    else:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        changes = [(instance, names)]
    for user, groups in changes:
        record(
            action=AuditAction.ROLE_CHANGE,
            target=user.get_username(),
            target_employee=_person(user),
            **{change: groups},
        )


def connect() -> None:
    user_model = get_user_model()
    user_logged_in.connect(signed_in, dispatch_uid="audit.signed_in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit.sign_in_failed")
    user_logged_out.connect(signed_out, dispatch_uid="audit.signed_out")
    post_save.connect(password_saved, sender=user_model, dispatch_uid="audit.password_saved")
    m2m_changed.connect(
        groups_changed, sender=user_model.groups.through, dispatch_uid="audit.groups_changed"
    )
    if apps.is_installed("axes"):
        from axes.signals import user_locked_out

        user_locked_out.connect(locked_out, dispatch_uid="audit.locked_out")
