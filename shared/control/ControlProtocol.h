// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

// The control channel's vocabulary (docs/control-protocol.md): message types, verbs, field
// names and limits, kept in one place so the agent, batonctl and the window cannot drift apart.
namespace baton::control {

inline constexpr int Version = 1;
inline constexpr quint16 DefaultPort = 7112;
inline constexpr int HeartbeatMs = 1000;

// Limits the agent enforces (clients check them too, to fail early with the same words).
inline constexpr int RestoreMinSeconds = 1;
inline constexpr int RestoreMaxSeconds = 900;
inline constexpr int AdvertsMaxSeconds = 300;
inline constexpr int LogMaxLines = 1000;
inline constexpr int RevocationListMaxBytes = 12 * 1024; // fits a request frame (16 KiB)
inline constexpr int HistoryMaxEvents = 2000;

namespace type {
inline constexpr QLatin1StringView Hello{"hello"};
inline constexpr QLatin1StringView Request{"request"};
inline constexpr QLatin1StringView Reply{"reply"};
inline constexpr QLatin1StringView Status{"status"};
inline constexpr QLatin1StringView Event{"event"};
inline constexpr QLatin1StringView Heartbeat{"heartbeat"};
inline constexpr QLatin1StringView Error{"error"};
} // namespace type

namespace key {
inline constexpr QLatin1StringView Type{"t"};
inline constexpr QLatin1StringView Version{"version"};
inline constexpr QLatin1StringView Id{"id"};
inline constexpr QLatin1StringView Verb{"verb"};
inline constexpr QLatin1StringView Args{"args"};
inline constexpr QLatin1StringView Ok{"ok"};
inline constexpr QLatin1StringView Data{"data"};
inline constexpr QLatin1StringView Error{"error"};
inline constexpr QLatin1StringView Detail{"detail"};
inline constexpr QLatin1StringView Time{"time"};
inline constexpr QLatin1StringView Seq{"seq"};
inline constexpr QLatin1StringView Kind{"kind"};
inline constexpr QLatin1StringView Software{"software"};
inline constexpr QLatin1StringView Agent{"agent"};
inline constexpr QLatin1StringView Client{"client"};
inline constexpr QLatin1StringView Access{"access"};
// Reply data fields.
inline constexpr QLatin1StringView Deadline{"deadline"};
inline constexpr QLatin1StringView Adverts{"adverts"};
inline constexpr QLatin1StringView Lines{"lines"};
inline constexpr QLatin1StringView Events{"events"};
} // namespace key

// Event kinds pushed by the agent.
namespace event {
inline constexpr QLatin1StringView State{"state"};
inline constexpr QLatin1StringView Reject{"reject"};
inline constexpr QLatin1StringView Forgery{"forgery-suspected"};
inline constexpr QLatin1StringView Command{"command"};
inline constexpr QLatin1StringView RestoreArmed{"restore-armed"};
inline constexpr QLatin1StringView RestoreDone{"restore-done"};
inline constexpr QLatin1StringView RestoreFailed{"restore-failed"};
inline constexpr QLatin1StringView LinkDownFailed{"link-down-failed"};
inline constexpr QLatin1StringView Maintenance{"maintenance"};
inline constexpr QLatin1StringView Link{"link"};
inline constexpr QLatin1StringView Started{"started"};
inline constexpr QLatin1StringView Stopping{"stopping"};
} // namespace event

} // namespace baton::control
