// Keeps what the app shows out of the recent-apps thumbnail and out of screenshots where the
// platform allows it: on Android the activity's window gets FLAG_SECURE. Desktop platforms (X11,
// Wayland, Windows, macOS) offer no such flag to an application, so there it does nothing; the quick
// hide and the lock on leaving the app (AppController) are what protect a desktop screen.
#pragma once

namespace fieldbook::app {

// True when the window was flagged secure (Android); false where the platform cannot.
bool markWindowSecure();

} // namespace fieldbook::app
