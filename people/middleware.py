"""Language: the signed-in user's own choice, else their HR language, else what
LocaleMiddleware found (the language cookie, then the browser), else Finnish. The
Wagtail admin follows the same choice: a language chosen in the admin's own account
settings becomes the person's choice (people/receivers.py), so Wagtail, which prefers
its own setting, always finds it empty and uses the language activated here."""

from django.utils import translation

from people.models import Employee


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        employee = None
        if request.user.is_authenticated:
            cache = request.user._state.fields_cache
            if "employee" in cache:
                # Read with the user (people.backends): the employee, or None.
                employee = cache["employee"]
            else:
                # One query for the employee with the unit and job role views ask for.
                employee = (
                    Employee.objects.select_related("unit", "job_role")
                    .filter(user_id=request.user.pk)
                    .order_by()
                    .first()
                )
            if employee is not None:
                request.user.employee = employee
        if employee is not None:
            translation.activate(employee.ui_language)
            request.LANGUAGE_CODE = employee.ui_language
        return self.get_response(request)
