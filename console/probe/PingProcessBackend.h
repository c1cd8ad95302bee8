// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/EchoTracker.h"
#include "probe/ProbeBackend.h"

#include <QByteArrayView>
#include <QHash>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QProcess;

namespace baton {

// The system's ping (iputils), one long-running process per target, read line by line as it
// writes: `ping -D -n -O -i 0.1 -W 1 ADDR` with LC_ALL=C. Debian 12's /usr/bin/ping has
// cap_net_raw, so this works where the ping socket is not allowed. -O makes ping say
// "no answer yet for icmp_seq=N" when it sends the next echo; that echo then waits here for its
// reply until the 1 s timeout. ping's own sequence numbers restart with each process, so samples
// carry a per-target sequence of their own. A process that ends (no route: "connect: Network is
// unreachable") is restarted a second later; until then the target is reported lost at the interval.
class PingProcessBackend : public ProbeBackend
{
    Q_OBJECT
public:
    // One line of ping's output that matters here.
    struct Line
    {
        enum class Kind
        {
            Reply,           // "64 bytes from A: icmp_seq=N ttl=64 time=0.045 ms"
            NoAnswer,        // "no answer yet for icmp_seq=N"
            MinimumInterval, // "cannot flood; minimal interval allowed for user is 200ms"
            SocketRefused,   // "ping: socket: Operation not permitted": no way to ping at all
        };
        Kind kind = Kind::Reply;
        quint16 sequence = 0;
        std::optional<qint64> rttMicros;       // Reply: absent when the payload is too short to time
        std::optional<qint64> timestampMicros; // -D's "[seconds.micros]" prefix, wall clock
        int minimumIntervalMs = 0;
        bool duplicate = false; // "(DUP!)"

        bool operator==(const Line&) const = default;
    };
    static std::optional<Line> parseLine(QByteArrayView line);
    static QStringList arguments(const QHostAddress& target, int intervalMs);

    // program: the ping to run; empty means search PATH, then /usr/bin and /bin.
    explicit PingProcessBackend(QObject* parent = nullptr, const QString& program = {});
    ~PingProcessBackend() override;

    QString open() override;
    void setTargets(const QList<QHostAddress>& targets) override;
    int intervalMs() const override { return m_intervalMs; }
    // Restarts the running pings; never below the minimum this ping has insisted on.
    void setIntervalMs(int ms) override;
    QString program() const { return m_program; }

private:
    struct Target
    {
        QHostAddress address;
        QProcess* process = nullptr;
        QByteArray partial;              // output after the last newline
        quint16 base = 0;                // our sequence = base + ping's icmp_seq
        quint16 nextSequence = 1;        // ours
        std::optional<quint16> lastPing; // newest icmp_seq handled in this process
        qint64 restartAtMicros = 0;      // while no process runs
        qint64 nextLostMicros = 0;       // while no process runs: when to report the next loss
        bool restartNow = false;         // it ended for our interval, which is now adjusted
    };
    static constexpr int RestartDelayMs = 1000;

    void start(Target& target);
    void stop(Target& target);
    void tick();
    void readOutput(QProcess* process);
    void finished(QProcess* process);
    void handle(Target& target, const Line& line, QByteArrayView text);
    void giveUp(const QString& reason);
    Target* find(QProcess* process);
    bool contains(const QHostAddress& address) const;

    QString m_requestedProgram;
    QString m_program;
    int m_intervalMs = IntervalMs;
    int m_minimumIntervalMs = 0; // what ping refused to go below, once it said so
    bool m_unusable = false;
    QTimer m_timer;
    EchoTracker m_tracker;
    std::vector<std::unique_ptr<Target>> m_targets;
    QHash<quint32, quint16> m_nextSequences; // of removed targets
};

} // namespace baton
