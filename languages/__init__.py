"""Languages of the content: one way to translate a model field, dates in the reader's
style, and Finnish for the Wagtail admin strings upstream leaves untranslated.

Every app uses it; it knows none of the apps (the bottom layer).
"""
