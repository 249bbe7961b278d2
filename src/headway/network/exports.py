from headway.core.exports import export_section  # noqa: F401
