"""Webhooks: subscribe a URL to events, pause or resume it, and read its delivery log."""

from functools import partial

from flask.views import MethodView

from api import schemas
from api.auth import current_actor, require
from api.errors import Blueprint
from api.pagination import paginate
from models import queries
from models.webhook import create_webhook, delete_webhook, get_webhook, update_webhook

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks",
                description="Signed event deliveries to newsroom tools (admin scope)")


@blp.route("")
class Webhooks(MethodView):
    @require("admin")
    @blp.arguments(schemas.PageArgs, location="query", unknown="raise")
    @blp.response(200, schemas.WebhookPage)
    @blp.doc(operationId="listWebhooks")
    def get(self, args):
        """List webhooks"""
        return paginate(queries.webhooks_query, args, queries.row_records)

    @require("admin")
    @blp.arguments(schemas.WebhookCreate)
    @blp.response(201, schemas.WebhookCreated)
    @blp.doc(operationId="createWebhook", callbacks={"event": {"{$request.body#/url}": {"post": {
        "summary": "An event, delivered to the subscribed URL",
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/WebhookEvent"}}}},
        # Signed, not authenticated: the receiver checks webhook-signature (see WebhookEvent).
        "security": [],
        "responses": {"2XX": {"description": "Delivered"},
                      "4XX": {"description": "Refused: retried with backoff for 24 hours"}}}}}})
    def post(self, body):
        """Subscribe a URL to events; the answer holds the signing secret, shown once

        Each event is then POSTed to the URL as a WebhookEvent (see its schema for the
        Standard Webhooks headers that sign it); any answer but 2xx is retried with backoff
        for 24 hours."""
        webhook = create_webhook(body["url"], body["events"], actor=current_actor())
        return queries.row_records([webhook])[0], 201, {
            "Location": f"/api/v1/webhooks/{webhook.id}"}


@blp.route("/<id:webhook_id>")
class WebhookItem(MethodView):
    @require("admin")
    @blp.response(200, schemas.Webhook)
    @blp.doc(operationId="getWebhook")
    def get(self, webhook_id):
        """One webhook"""
        return queries.row_records([get_webhook(webhook_id)])[0]

    @require("admin")
    @blp.arguments(schemas.WebhookPatch)
    @blp.response(200, schemas.Webhook)
    @blp.doc(operationId="updateWebhook")
    def patch(self, body, webhook_id):
        """Pause or resume a webhook, or change its URL or events"""
        return queries.row_records([update_webhook(webhook_id, body)])[0]

    @require("admin")
    @blp.response(204)
    @blp.doc(operationId="deleteWebhook")
    def delete(self, webhook_id):
        """Delete a webhook and its delivery log"""
        delete_webhook(webhook_id)


@blp.route("/<id:webhook_id>/deliveries")
class WebhookDeliveries(MethodView):
    @require("admin")
    @blp.arguments(schemas.PageArgs, location="query", unknown="raise")
    @blp.response(200, schemas.DeliveryPage)
    @blp.doc(operationId="listWebhookDeliveries")
    def get(self, args, webhook_id):
        """The delivery log of a webhook, newest first, each with its attempts"""
        get_webhook(webhook_id)
        return paginate(partial(queries.deliveries_query, webhook_id), args,
                        queries.delivery_records)
