"""The compliant reply to offer when a review reply blocks (an unsafe fix: offered, never applied).

The pattern dental associations and counsel recommend: thank, state a general policy, invite
offline contact through the practice's own phone, confirm nothing. No name of the reviewer, no
detail of any visit.
"""

from __future__ import annotations

from .profile import Profile


def compliant_reply(profile: Profile) -> str:
    phone = profile.phones[0] if profile.phones else None
    who = profile.name or "our office"
    contact = f"please call us at {phone}" if phone else "please contact our office directly"
    return (f"Thank you for taking the time to share your feedback. To protect everyone's privacy, "
            f"{who} does not discuss anyone's care on social media. We'd welcome the chance to "
            f"talk with you; {contact}.")
