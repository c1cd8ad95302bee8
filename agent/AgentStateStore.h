// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace baton {

// A link taken down by `link-down`, as saved before the link goes down.
struct SavedRestore
{
    QString interface;
    qint64 deadlineMs = 0;     // wall clock: for people, and the only deadline after a reboot
    QString bootId;            // the kernel boot the boot-clock deadline belongs to
    qint64 bootDeadlineMs = 0; // CLOCK_BOOTTIME: the deadline that counts within that boot
    QString requestedBy;       // the console certificate's name
    bool operator==(const SavedRestore&) const = default;
};

// What must survive a restart of the agent: maintenance mode and the pending link restores
// (a drill's interface must come back even if batond was killed while it was down). Written
// atomically (temporary file, fsync, rename, fsync of the folder) as JSON under the state
// directory, 0600, so an administrator can read it.
class AgentStateStore
{
public:
    struct State
    {
        bool maintenance = false;
        QList<SavedRestore> restores;
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
