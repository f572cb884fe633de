"""The quiz editor's form: the rules a quiz must meet before it can be saved, each shown
at the field it concerns (the question's type, the pass mark)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"


def _kept(formset):
    """The forms of `formset` that are not marked for deletion, each cleaned."""
    kept = []
    for form in formset.forms:
        form.is_valid()
        if getattr(form, "cleaned_data", None) is None or form.cleaned_data.get("DELETE"):
            continue
        if not form.has_changed() and form.instance.pk is None:
            continue
        kept.append(form)
    return kept


def question_problem(kind: str, choices: list[bool]) -> str | None:
    """What is wrong with a question of `kind` whose choices are correct or not
    (`choices`, one bool per choice), or None."""
    correct = sum(choices)
    if kind == TRUE_FALSE and (len(choices) != 2 or correct != 1):
        return _(
            "Tosi vai epätosi -kysymyksellä on täsmälleen kaksi vaihtoehtoa (Tosi ja "
            "Epätosi), joista yksi on oikea."
        )
    if kind == SINGLE and correct != 1:
        return _("Merkitse täsmälleen yksi vaihtoehto oikeaksi vastaukseksi.")
    if kind == MULTIPLE and correct < 1:
        return _("Merkitse vähintään yksi vaihtoehto oikeaksi vastaukseksi.")
    return None


def best_score(questions: list[list[bool]]) -> int:
    """The highest score a learner can get: a question counts when it has a correct
    answer to choose (grading as in quizzes.services.quiz_submit)."""
    if not questions:
        return 0
    return round(100 * sum(any(choices) for choices in questions) / len(questions))


class QuizForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        questions_formset = self.formsets.get("questions")
        if questions_formset is None:
            return cleaned
        questions = []
        for question_form in _kept(questions_formset):
            choices = [
                bool(choice_form.cleaned_data.get("is_correct"))
                for choice_form in _kept(question_form.formsets["choices"])
            ]
            questions.append(choices)
            kind = question_form.cleaned_data.get("kind")
            problem = question_problem(kind, choices)
            if problem is not None and "kind" in question_form.cleaned_data:
                question_form.add_error("kind", problem)
        pass_mark = cleaned.get("pass_mark")
        if questions and pass_mark is not None and best_score(questions) < pass_mark:
            self.add_error(
                "pass_mark",
                _(
                    "Hyväksymisraja %(mark)s %% ei ole saavutettavissa: parhaimmillaankin "
                    "pisteet ovat %(best)s %%. Merkitse oikeat vastaukset tai laske rajaa."
                )
                % {"mark": pass_mark, "best": best_score(questions)},
            )
        return cleaned


class QuestionKindSelect(forms.Select):
    """The question type; choosing "true or false" makes the two choices in the editor."""

    def __init__(self, attrs=None, choices=()):
        attrs = {"data-true-label": _("Tosi"), "data-false-label": _("Epätosi"), **(attrs or {})}
        super().__init__(attrs, choices)

    class Media:
        js = ["quizzes/true_false.js"]
