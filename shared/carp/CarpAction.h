// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpState.h"
#include "CarpTiming.h"

#include <QVarLengthArray>

#include <variant>

namespace baton {

// What the state machine asks its owner to do, in order. The owner (batond, or a test's
// simulated network) carries them out; the machine itself touches no socket, clock or file.
namespace action {

struct SendAdvert
{
    quint8 advbase = 0; // 255/255 is the bow-out advert
    quint8 advskew = 0;
    quint8 demote = 0;
    bool operator==(const SendAdvert&) const = default;
};
struct AddVips
{
    bool operator==(const AddVips&) const = default;
};
struct RemoveVips
{
    bool operator==(const RemoveVips&) const = default;
};
struct SendGarp
{
    bool operator==(const SendGarp&) const = default;
};
enum class Hook : quint8
{
    Up,
    Down,
};
struct RunHook
{
    Hook hook = Hook::Up;
    bool operator==(const RunHook&) const = default;
};
// Replaces any earlier deadline: the machine never needs more than one timer.
struct ArmTimer
{
    TimePoint deadline{};
    bool operator==(const ArmTimer&) const = default;
};
struct CancelTimer
{
    bool operator==(const CancelTimer&) const = default;
};
// An event for the log and the control channel. `from == to` for events without a transition.
struct Notify
{
    CarpReason reason = CarpReason::Startup;
    CarpState from = CarpState::Init;
    CarpState to = CarpState::Init;
    bool operator==(const Notify&) const = default;
};

} // namespace action

using CarpAction = std::variant<action::SendAdvert, action::AddVips, action::RemoveVips, action::SendGarp,
                                action::RunHook, action::ArmTimer, action::CancelTimer, action::Notify>;
// Inline storage: one call yields a handful of actions, and the advert path then allocates nothing.
using CarpActions = QVarLengthArray<CarpAction, 8>;

} // namespace baton
