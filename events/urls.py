from django.urls import path

from events import coordination_views, views, views_coordinator

app_name = "events"

urlpatterns = [
    path("tilaisuudet/", views.session_list, name="list"),
    path("tilaisuudet/<int:session_id>/", views.session_page, name="session"),
    path("tilaisuudet/<int:session_id>/ilmoittaudu/", views.register, name="register"),
    path("tilaisuudet/<int:session_id>/peru/", views.cancel, name="cancel"),
    path("tilaisuudet/<int:session_id>/kalenteri.ics", views.calendar_file, name="ics"),
    path("tilaisuudet/<int:session_id>/paikalla/", views.check_in, name="check_in"),
    path("tilaisuudet/<int:session_id>/palaute/", views.feedback, name="feedback"),
    path("tilaisuudet/<int:session_id>/jaa-tiimille/", views.share, name="share"),
    path("esittaja/<str:token>/", views.presenter, name="presenter"),
    path("verkostot/", views.networks, name="networks"),
    path("verkostot/<int:network_id>/", views.network_members, name="network"),
    path("koordinointi/tilaisuudet/", views_coordinator.overview, name="overview"),
    path("koordinointi/tilaisuudet/uusi/", coordination_views.plan, name="plan"),
    path("koordinointi/tilaisuudet/kohderyhma/", coordination_views.reach, name="reach"),
    path(
        "koordinointi/tilaisuudet/<int:session_id>/lasnaolo/",
        views_coordinator.attendance,
        name="attendance",
    ),
    path(
        "koordinointi/tilaisuudet/<int:session_id>/kutsu/",
        views_coordinator.invite,
        name="invite",
    ),
    path(
        "koordinointi/tilaisuudet/<int:session_id>/esittajalinkit/",
        views_coordinator.send_presenter_links,
        name="send_presenter_links",
    ),
    path(
        "koordinointi/tilaisuudet/<int:session_id>/peru/",
        views_coordinator.cancel_session,
        name="cancel_session",
    ),
    path(
        "koordinointi/tilaisuudet/<int:session_id>/raportti/",
        views_coordinator.session_report,
        name="session_report",
    ),
    path(
        "koordinointi/sarjat/<int:series_id>/raportti/",
        views_coordinator.series_report,
        name="series_report",
    ),
    path(
        "koordinointi/sarjat/<int:series_id>/kopioi/",
        views_coordinator.copy_series,
        name="copy_series",
    ),
]
