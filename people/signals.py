"""What people tells the apps above it, which it must not import (they stand in higher
layers): they connect receivers in their AppConfig.ready()."""

from django.dispatch import Signal

# Sent inside the transaction that creates employees (the HR import), with
# `employee_numbers`. Those who are active were written with `welcome_sent_at` set (the
# welcome is on its way); the notifications app queues their welcome emails in the same
# transaction, so the people and their welcomes are committed together.
employees_created = Signal()

# Sent inside the transaction that changes people's unit, job role or employment in bulk
# (the staff import, the closing of ended employments), with `employee_ids`, or None
# when the change is everyone's (a first import, into an empty staff table). The courses
# app refreshes what those people are required to take (`courses.status`).
employments_changed = Signal()
