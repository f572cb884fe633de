"""Language: the signed-in user's own choice, else their HR language, else what
LocaleMiddleware found (the language cookie, then the browser), else Finnish."""

from django.utils import translation

from people.selectors import employee_for_user


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        employee = employee_for_user(request.user)
        if employee is not None and not request.path.startswith("/admin/"):
            translation.activate(employee.ui_language)
            request.LANGUAGE_CODE = employee.ui_language
        return self.get_response(request)
