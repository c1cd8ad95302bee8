// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"

#include <QList>
#include <QString>

namespace baton {

// What must survive a restart of the agent: maintenance mode and the pending link restores
// (a drill's interface must come back even if batond was killed while it was down). Written
// atomically (temporary file, fsync, rename) as JSON under the state directory, 0600, so an
// administrator can read it.
class AgentStateStore
{
public:
    struct State
    {
        bool maintenance = false;
        QList<PendingRestore> restores;
        bool operator==(const State&) const = default;
    };
    struct Loaded
    {
        State state;
        QString error; // the file exists but could not be read or understood
    };

    explicit AgentStateStore(QString directory);
    QString path() const;
    Loaded load() const;                    // a missing file is the empty state, not an error
    QString save(const State& state) const; // empty on success
    // Keeps a damaged file for the administrator (state.json.bad) so the next save starts clean.
    void setAside() const;

private:
    QString m_directory;
};

} // namespace baton
