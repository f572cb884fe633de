"""A supervisor's team: the dashboard at /tiimi/ and one team member's page at
/tiimi/<employee number>/, the dashboard's exports and remind now; the county report
(the audit log at /seuranta/loki/ is the audit app's)."""

from django.urls import path

from supervision import views

app_name = "supervision"

urlpatterns = [
    path("tiimi/", views.dashboard, name="team"),
    path("tiimi/<str:employee_number>/", views.team_member, name="team_member"),
    path("seuranta/tiimi/vienti.csv", views.dashboard_csv, name="dashboard_csv"),
    path("seuranta/tiimi/vienti-xlsx/", views.dashboard_xlsx, name="dashboard_xlsx"),
    path("seuranta/tiimi/muistuta/", views.remind, name="remind"),
    path("seuranta/viennit/<uuid:token>/", views.export_job, name="export_job"),
    path("seuranta/viennit/<uuid:token>/tila/", views.export_status, name="export_status"),
    path("seuranta/viennit/<uuid:token>/lataa/", views.export_download, name="export_download"),
    path("seuranta/alue/", views.county_report, name="county"),
    path("seuranta/alue/vienti/", views.county_export, name="county_export"),
    path("seuranta/alue/paivita/", views.county_refresh, name="county_refresh"),
]
