"""What happens when an approval workflow finishes."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision. The approval is the permission: trainers and
    phrase editors cannot publish directly, so the approver (who may lack the publish
    permission of the author's group) publishes through the workflow. Quizzes have no
    workflow of their own: trainers cannot publish them, and a quiz change goes live
    with the approval of the lesson or course that uses it."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
    # A course page's parts that have no workflow of their own (its lessons' quizzes)
    # go live with it.
    publish_parts = getattr(revision.as_object(), "publish_parts", None)
    if publish_parts is not None:
        publish_parts(user=user)
