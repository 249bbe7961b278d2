from __future__ import annotations

from typing import Any

from headway.accounts.models import User
from headway.core.exports import export_section


@export_section("account")
def export_account(user: User) -> dict[str, Any]:
    """Return the account itself, its email addresses and token metadata (never secrets)."""
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "display_name": user.display_name,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "tokens": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "created_at": t.created_at.isoformat(),
                "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
            }
            for t in user.tokens.all()
        ],
    }
