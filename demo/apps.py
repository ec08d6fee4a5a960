from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo trust: data and loaders. The top layer: it may import every app, none imports it."""

    name = "demo"
    verbose_name = "Demo trust"
