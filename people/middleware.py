"""Language: the signed-in user's own choice, else their HR language, else what
LocaleMiddleware found (the language cookie, then the browser), else Finnish. In the
Wagtail admin a language chosen in the admin's own account settings still wins: Wagtail
falls back to the language activated here only when none is chosen there."""

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
