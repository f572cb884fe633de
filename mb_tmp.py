import os, time, statistics
os.environ.setdefault("DJANGO_SETTINGS_MODULE","learning.settings.test")
import django; django.setup()
from django.db import connection
from wagtail.models.sites import get_site_for_hostname
from wagtail.models import Locale, Page, Site
from django.utils import translation
translation.activate("fi")
def t(name, fn, n=300):
    for _ in range(20): fn()
    ts=[]
    for _ in range(n):
        s=time.perf_counter(); fn(); ts.append(time.perf_counter()-s)
    print(f"{name:40s} {statistics.median(ts)*1000:.3f} ms")
t("site lookup", lambda: get_site_for_hostname("localhost", 80))
site=get_site_for_hostname("localhost", 80)
t("locale active", lambda: Locale.get_active())
t("root localized specific", lambda: Page.objects.get(pk=site.root_page_id).localized.specific)
sql, params = Site.objects.filter(hostname="localhost").query.sql_with_params()
def raw():
    with connection.cursor() as c: c.execute(sql, params); c.fetchall()
t("raw trivial query", raw)
def sel1():
    with connection.cursor() as c: c.execute("select 1"); c.fetchall()
t("select 1", sel1)
from django.contrib.auth import get_user_model
from people.backends import *
import people.backends as pb
b=[getattr(pb,n) for n in dir(pb) if n.endswith('Backend')][0]()
t("get_user", lambda: b.get_user(3))
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
key=Session.objects.first().session_key
t("session load", lambda: SessionStore(key).load())
