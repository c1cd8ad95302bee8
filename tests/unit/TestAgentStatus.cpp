// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's status snapshot on the wire (AgentStatus: round trip, refusals naming the bad field,
// unknown fields ignored), the message builders of docs/control-protocol.md (ControlMessage), and
// the one-line texts for people made from events (ControlEventText).
#include "control/AgentStatus.h"
#include "control/ControlError.h"
#include "control/ControlEventText.h"
#include "control/ControlMessage.h"
#include "control/ControlRequest.h"

#include <QCborArray>
#include <QCborValue>
#include <QDateTime>
#include <QTest>

using namespace baton;

namespace {

QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

AgentStatus fullStatus()
{
    AgentStatus st;
    st.agent = s("node1");
    st.version = s("0.1.0");
    st.timeMs = 1'700'000'123'456;
    st.startedMs = 1'700'000'000'000;
    st.maintenance = true;

    GroupStatus a;
    a.vhid = 7;
    a.interface = s("eth0");
    a.source = s("192.0.2.11");
    a.state = CarpState::Master;
    a.reason = s("master-down");
    a.sinceMs = 1'700'000'100'000;
    a.advbase = 1;
    a.advskew = 0;
    a.demote = 0;
    a.preempt = true;
    a.maintenance = false;
    a.linkUp = true;
    a.vipHeld = true;
    a.vips = {s("192.0.2.10/24"), s("192.0.2.20/24")};
    a.peer = s("192.0.2.12");
    a.peerHeardMs = 1'700'000'123'000;
    a.rejects = {{s("bad-hmac"), 3}, {s("bad-ttl"), 1}};
    a.forgeries = {{s("replayed-counter"), 15}};

    GroupStatus b;
    b.vhid = 8;
    b.interface = s("eth1");
    b.source = s("198.51.100.11");
    b.state = CarpState::Backup;
    b.reason = s("maintenance");
    b.sinceMs = 1'700'000'000'500;
    b.advbase = 2;
    b.advskew = 100;
    b.demote = 240;
    b.preempt = false;
    b.maintenance = true;
    b.linkUp = false;
    b.vipHeld = false;
    b.vips = {s("198.51.100.10/24")};
    // no peer heard, no rejects

    st.groups = {a, b};
    st.restores = {PendingRestore{s("eth1"), 1'700'000'400'000, s("alice")},
                   PendingRestore{s("eth0"), 1'700'000'500'000, s("carol")}};
    st.certificateExpiresMs = 1'800'000'000'000;
    st.controlProblem = s("listen-failed");
    st.peerLink = PeerLinkStatus{s("192.0.2.132:7113"), s("up"), s("partner-not-calling"), -3};
    return st;
}

// The wire form of fullStatus() with one field replaced (or removed, for an undefined value) in the
// top level ("status"), a group ("groups[i]") or a restore ("restores[i]").
QCborMap changed(const QString& where, const QString& field, const QCborValue& value)
{
    QCborMap body = fullStatus().toCbor();
    auto edit = [&](QCborMap& m) {
        if (value.isUndefined())
            m.remove(field);
        else
            m[field] = value;
    };
    if (where == u"status") {
        edit(body);
        return body;
    }
    const QString list = where.section(u'[', 0, 0);
    const qsizetype index = where.section(u'[', 1).chopped(1).toLongLong();
    QCborArray items = body.value(list).toArray();
    QCborMap item = items.at(index).toMap();
    edit(item);
    items[index] = item;
    body[list] = items;
    return body;
}

QCborMap map(std::initializer_list<std::pair<const char*, QCborValue>> fields)
{
    QCborMap m;
    for (const auto& [key, value] : fields)
        m[k(key)] = value;
    return m;
}

// The same map with its keys in order, nested maps too: CBOR maps have no order, QCborMap's == has.
QCborValue canonical(const QCborValue& value)
{
    if (!value.isMap())
        return value;
    QMap<QString, QCborValue> sorted;
    const QCborMap m = value.toMap();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        sorted.insert(it.key().toString(), canonical(it.value()));
    QCborMap out;
    for (auto it = sorted.cbegin(); it != sorted.cend(); ++it)
        out[it.key()] = it.value();
    return out;
}

} // namespace

class TestAgentStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void wireShape();
    void emptyStatus();
    void refuses_data();
    void refuses();
    void ignoresUnknownFields();
    void peerLink();

    void builders_data();
    void builders();
    void typeOf();

    void eventText_data();
    void eventText();
};

void TestAgentStatus::roundTrip()
{
    const AgentStatus st = fullStatus();
    QString error;
    const auto back = AgentStatus::fromCbor(st.toCbor(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->groups.size(), 2);
    QCOMPARE(back->groups.at(0), st.groups.at(0));
    QCOMPARE(back->groups.at(1), st.groups.at(1));
    QCOMPARE(back->restores, st.restores);
    QVERIFY(*back == st);

    // Through bytes and as the status message (with its type field), as a client receives it.
    const QByteArray bytes = QCborValue(ControlMessage::status(st.toCbor())).toCbor();
    const auto received = AgentStatus::fromCbor(QCborValue::fromCbor(bytes).toMap(), &error);
    QVERIFY2(received, qPrintable(error));
    QVERIFY(*received == st);
}

void TestAgentStatus::wireShape()
{
    const QCborMap body = fullStatus().toCbor();
    QCOMPARE(body.value(k("agent")).toString(), s("node1"));
    QCOMPARE(body.value(k("software")).toString(), s("0.1.0"));
    QCOMPARE(body.value(k("time")).toInteger(), 1'700'000'123'456);
    QCOMPARE(body.value(k("started")).toInteger(), 1'700'000'000'000);
    QCOMPARE(body.value(k("maintenance")), QCborValue(true));
    const QCborArray groups = body.value(k("groups")).toArray();
    QCOMPARE(groups.size(), 2);
    const QCborMap a = groups.at(0).toMap();
    QCOMPARE(a.value(k("vhid")).toInteger(), 7);
    QCOMPARE(a.value(k("link_up")), QCborValue(true));
    QCOMPARE(a.value(k("vip_held")), QCborValue(true));
    QCOMPARE(a.value(k("since")).toInteger(), 1'700'000'100'000);
    QCOMPARE(a.value(k("vips")).toArray(), (QCborArray{s("192.0.2.10/24"), s("192.0.2.20/24")}));
    QCOMPARE(a.value(k("peer")).toString(), s("192.0.2.12"));
    QCOMPARE(a.value(k("peer_heard")).toInteger(), 1'700'000'123'000);
    QCOMPARE(a.value(k("rejects")).toMap(), map({{"bad-hmac", 3}, {"bad-ttl", 1}}));
    QCOMPARE(a.value(k("forgeries")).toMap(), map({{"replayed-counter", 15}}));
    QCOMPARE(a.value(k("state")).toString(), s("master"));
    // No peer heard: neither peer nor peer_heard on the wire; no rejects: an empty map, not absent;
    // no forgeries: absent (an older console ignores it either way).
    const QCborMap b = groups.at(1).toMap();
    QCOMPARE(b.value(k("state")).toString(), s("backup"));
    QVERIFY(!b.contains(k("peer")));
    QVERIFY(!b.contains(k("peer_heard")));
    QCOMPARE(b.value(k("rejects")), QCborValue(QCborMap()));
    QVERIFY(!b.contains(k("forgeries")));
    QCOMPARE(body.value(k("certificate_expires")).toInteger(), 1'800'000'000'000);
    QCOMPARE(body.value(k("control_problem")).toString(), s("listen-failed"));
    const QCborArray restores = body.value(k("restores")).toArray();
    QCOMPARE(restores.size(), 2);
    QCOMPARE(restores.at(0).toMap(),
             map({{"interface", s("eth1")}, {"deadline", qint64{1'700'000'400'000}}, {"by", s("alice")}}));
}

void TestAgentStatus::emptyStatus()
{
    AgentStatus st;
    st.agent = s("lonely");
    QString error;
    const auto back = AgentStatus::fromCbor(st.toCbor(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == st);
    QVERIFY(back->groups.isEmpty());
    QVERIFY(back->restores.isEmpty());
}

void TestAgentStatus::refuses_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QCborValue>("value"); // undefined: the field is removed
    QTest::addColumn<QString>("expected"); // how the error begins

    const QCborValue absent;
    const QCborValue text(s("x"));
    const QCborValue number(5);
    const QCborValue flag(true);
    auto expect = [](const QString& where, const char* field) {
        return QString(where + u": field '" + QLatin1StringView(field) + u'\'');
    };
    auto row = [&](const char* where, const char* field, const QCborValue& value, const char* what) {
        const QString place = s(where);
        QTest::addRow("%s %s %s", where, field, what) << place << s(field) << value << expect(place, field);
    };

    // Top level.
    for (const char* field : {"agent", "software"}) {
        row("status", field, absent, "missing");
        row("status", field, number, "integer");
    }
    for (const char* field : {"time", "started"}) {
        row("status", field, absent, "missing");
        row("status", field, text, "string");
        row("status", field, QCborValue(1.5), "float");
        row("status", field, QCborValue(-1), "negative");
    }
    row("status", "maintenance", absent, "missing");
    row("status", "maintenance", number, "integer");
    for (const char* field : {"groups", "restores"}) {
        row("status", field, absent, "missing");
        row("status", field, QCborMap(), "map");
        row("status", field, text, "string");
    }

    // Each group field, in the second group (the error names the index).
    for (const char* field : {"interface", "source", "state", "reason"}) {
        row("groups[1]", field, absent, "missing");
        row("groups[1]", field, number, "integer");
    }
    for (const char* field : {"vhid", "since", "advbase", "advskew", "demote"}) {
        row("groups[1]", field, absent, "missing");
        row("groups[1]", field, text, "string");
        row("groups[1]", field, QCborValue(-1), "negative");
    }
    row("groups[1]", "vhid", QCborValue(0), "zero");
    row("groups[1]", "vhid", QCborValue(256), "256");
    row("groups[1]", "advskew", QCborValue(256), "256");
    for (const char* field : {"preempt", "maintenance", "link_up", "vip_held"}) {
        row("groups[1]", field, absent, "missing");
        row("groups[1]", field, number, "integer");
        row("groups[1]", field, text, "string");
    }
    row("groups[1]", "vips", absent, "missing");
    row("groups[1]", "vips", text, "string");
    row("groups[1]", "vips", QCborArray{s("192.0.2.10/24"), 5}, "with an integer");
    row("groups[1]", "rejects", absent, "missing");
    row("groups[1]", "rejects", QCborArray{}, "array");
    row("groups[1]", "rejects", QCborValue(map({{"bad-hmac", s("3")}})), "string count");
    row("groups[1]", "rejects", QCborValue(map({{"bad-hmac", -3}})), "negative count");
    row("groups[1]", "state", s("MASTER"), "upper case");
    row("groups[1]", "state", s("leader"), "unknown");
    row("groups[1]", "forgeries", QCborArray{}, "array");
    row("groups[1]", "forgeries", QCborValue(map({{"replayed-counter", -1}})), "negative count");
    row("groups[1]", "peer", number, "integer");
    // A peer without the time it was heard.
    row("groups[0]", "peer_heard", absent, "missing");
    row("groups[0]", "peer_heard", text, "string");

    for (const char* field : {"interface", "by"}) {
        row("restores[1]", field, absent, "missing");
        row("restores[1]", field, number, "integer");
    }
    row("restores[1]", "deadline", absent, "missing");
    row("restores[1]", "deadline", text, "string");
    row("status", "certificate_expires", text, "string");
    row("status", "control_problem", number, "integer");
}

void TestAgentStatus::refuses()
{
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QCborValue, value);
    QFETCH(QString, expected);

    const QCborMap body = changed(where, field, value);
    QString error;
    QVERIFY(!AgentStatus::fromCbor(body, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(QString(u"expected '" + expected + u"', got: " + error)));
    QVERIFY(!AgentStatus::fromCbor(body)); // no error wanted: still refused, no crash
}

void TestAgentStatus::peerLink()
{
    const QCborMap body = fullStatus().toCbor();
    QCOMPARE(body.value(k("peer_link")).toMap(), map({{"partner", s("192.0.2.132:7113")},
                                                      {"to_partner", s("up")},
                                                      {"from_partner", s("partner-not-calling")},
                                                      {"clock_offset", -3}}));
    QVERIFY(!fullStatus().peerLink->ready());
    QVERIFY((PeerLinkStatus{s("p"), s("up"), s("up"), {}}.ready()));
    // Absent: no partner configured (or an agent that predates the peer link).
    AgentStatus none = fullStatus();
    none.peerLink.reset();
    QVERIFY(!none.toCbor().contains(k("peer_link")));
    const auto back = AgentStatus::fromCbor(none.toCbor());
    QVERIFY(back && !back->peerLink);
    // Without a measured offset the field is left out.
    AgentStatus unmeasured = fullStatus();
    unmeasured.peerLink->clockOffsetMs.reset();
    QVERIFY(!unmeasured.toCbor().value(k("peer_link")).toMap().contains(k("clock_offset")));
    QVERIFY(AgentStatus::fromCbor(unmeasured.toCbor()) == unmeasured);

    QString error;
    QCborMap bad = body;
    bad[k("peer_link")] = s("up");
    QVERIFY(!AgentStatus::fromCbor(bad, &error));
    QVERIFY2(error.startsWith(s("status: field 'peer_link'")), qPrintable(error));
    for (const char* field : {"partner", "to_partner", "from_partner", "clock_offset"}) {
        QCborMap inner = body.value(k("peer_link")).toMap();
        inner[k(field)] = qstrcmp(field, "clock_offset") == 0 ? QCborValue(s("3")) : QCborValue(3);
        bad[k("peer_link")] = inner;
        QVERIFY(!AgentStatus::fromCbor(bad, &error));
        QVERIFY2(error.startsWith(QStringLiteral("peer_link: field '%1'").arg(QLatin1StringView(field))),
                 qPrintable(error));
    }
}

void TestAgentStatus::ignoresUnknownFields()
{
    QCborMap body = fullStatus().toCbor();
    body[k("uptime_s")] = 42;
    body[k("t")] = s("status");
    QCborArray groups = body.value(k("groups")).toArray();
    QCborMap g = groups.at(1).toMap();
    g[k("weight")] = map({{"future", true}});
    groups[1] = g;
    body[k("groups")] = groups;
    QCborArray restores = body.value(k("restores")).toArray();
    QCborMap r = restores.at(0).toMap();
    r[k("reason")] = s("drill");
    restores[0] = r;
    body[k("restores")] = restores;

    QString error;
    const auto back = AgentStatus::fromCbor(body, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == fullStatus());

    // A group or restore that is not a map is refused, naming its place.
    groups[1] = s("eth1");
    body[k("groups")] = groups;
    QVERIFY(!AgentStatus::fromCbor(body, &error));
    QVERIFY2(error.startsWith(u"groups[1]"), qPrintable(error));
    body = fullStatus().toCbor();
    body[k("restores")] = QCborArray{5};
    QVERIFY(!AgentStatus::fromCbor(body, &error));
    QVERIFY2(error.startsWith(u"restores[0]"), qPrintable(error));
}

void TestAgentStatus::builders_data()
{
    QTest::addColumn<QCborMap>("built");
    QTest::addColumn<QCborMap>("expected");

    QTest::newRow("client hello") << ControlMessage::clientHello(s("baton 0.1.0"))
                                  << map({{"t", s("hello")}, {"version", 1}, {"software", s("baton 0.1.0")}});
    QTest::newRow("agent hello") << ControlMessage::agentHello(s("node1"), s("0.1.0"), s("alice"),
                                                               s("operator"))
                                 << map({{"t", s("hello")},
                                         {"version", 1},
                                         {"agent", s("node1")},
                                         {"software", s("0.1.0")},
                                         {"client", s("alice")},
                                         {"access", s("operator")}});
    QTest::newRow("status") << ControlMessage::status(map({{"agent", s("node1")}, {"time", 5}}))
                            << map({{"t", s("status")}, {"agent", s("node1")}, {"time", 5}});
    QTest::newRow("status, body with another t")
        << ControlMessage::status(map({{"t", s("event")}, {"agent", s("node1")}}))
        << map({{"t", s("status")}, {"agent", s("node1")}});
    QTest::newRow("heartbeat") << ControlMessage::heartbeat(1'700'000'000'000, 12)
                               << map({{"t", s("heartbeat")},
                                       {"time", qint64{1'700'000'000'000}},
                                       {"seq", 12}});
    QTest::newRow("event")
        << ControlMessage::event(map({{"kind", s("maintenance")}, {"on", true}}), 99)
        << map({{"t", s("event")}, {"kind", s("maintenance")}, {"on", true}, {"time", 99}});
    QTest::newRow("ok, no data") << ControlMessage::ok(3)
                                 << map({{"t", s("reply")}, {"id", 3}, {"ok", true}, {"data", QCborMap()}});
    QTest::newRow("ok, data") << ControlMessage::ok(ControlRequest::MaxId, map({{"deadline", 1234}}))
                              << map({{"t", s("reply")},
                                      {"id", ControlRequest::MaxId},
                                      {"ok", true},
                                      {"data", map({{"deadline", 1234}})}});
    QTest::newRow("refused, no detail")
        << ControlMessage::refused(4, ControlError::NotPermitted)
        << map({{"t", s("reply")}, {"id", 4}, {"ok", false}, {"error", s("not-permitted")}});
    QTest::newRow("refused, detail")
        << ControlMessage::refused(5, ControlError::OutOfRange,
                                   map({{"field", s("lines")}, {"min", 1}, {"max", 1000}}))
        << map({{"t", s("reply")},
                {"id", 5},
                {"ok", false},
                {"error", s("out-of-range")},
                {"detail", map({{"field", s("lines")}, {"min", 1}, {"max", 1000}})}});
    QTest::newRow("refused, id 0")
        << ControlMessage::refused(0, ControlError::BadMessage)
        << map({{"t", s("reply")}, {"id", 0}, {"ok", false}, {"error", s("bad-message")}});
    QTest::newRow("error, no detail") << ControlMessage::error(ControlError::HelloRequired)
                                      << map({{"t", s("error")}, {"error", s("hello-required")}});
    QTest::newRow("error, detail") << ControlMessage::error(ControlError::UnsupportedVersion,
                                                            map({{"supported", QCborArray{1}}}))
                                   << map({{"t", s("error")},
                                           {"error", s("unsupported-version")},
                                           {"detail", map({{"supported", QCborArray{1}}})}});
    QTest::newRow("error, bad frame")
        << ControlMessage::error(ControlError::BadFrame, map({{"frame", s("frame-too-large")}}))
        << map({{"t", s("error")},
                {"error", s("bad-frame")},
                {"detail", map({{"frame", s("frame-too-large")}})}});
}

void TestAgentStatus::builders()
{
    QFETCH(QCborMap, built);
    QFETCH(QCborMap, expected);
    QCOMPARE(canonical(built), canonical(expected));
    QCOMPARE(ControlMessage::typeOf(built), expected.value(k("t")).toString());
}

void TestAgentStatus::typeOf()
{
    QCOMPARE(ControlMessage::typeOf(ControlMessage::heartbeat(1, 1)), s("heartbeat"));
    QCOMPARE(ControlMessage::typeOf(QCborMap()), QString());
    QCOMPARE(ControlMessage::typeOf(map({{"t", 5}})), QString());
    QCOMPARE(ControlMessage::typeOf(map({{"type", s("hello")}})), QString());
    QCOMPARE(ControlMessage::typeOf(map({{"t", s("something-new")}})), s("something-new"));
}

void TestAgentStatus::eventText_data()
{
    QTest::addColumn<QCborMap>("event");
    QTest::addColumn<QStringList>("mentions");
    QTest::addColumn<QStringList>("avoids");

    const qint64 deadline = 1'700'000'400'000;
    const QString clock = QDateTime::fromMSecsSinceEpoch(deadline).toString(QStringLiteral("HH:mm:ss"));

    QTest::newRow("state") << map({{"kind", s("state")},
                                   {"vhid", 7},
                                   {"interface", s("eth0")},
                                   {"from", s("backup")},
                                   {"to", s("master")},
                                   {"reason", s("master-down")}})
                           << QStringList{s("7"), s("eth0"), s("BACKUP"), s("MASTER"), s("master-down")}
                           << QStringList{};
    QTest::newRow("reject")
        << map({{"kind", s("reject")}, {"vhid", 9}, {"source", s("192.0.2.66")}, {"reason", s("bad-hmac")}})
        << QStringList{s("9"), s("192.0.2.66"), s("bad-hmac")} << QStringList{};
    QTest::newRow("command ok") << map({{"kind", s("command")},
                                        {"verb", s("link-down")},
                                        {"by", s("alice")},
                                        {"ok", true},
                                        {"interface", s("eth0")}})
                                << QStringList{s("alice"), s("link-down eth0")} << QStringList{s("refused")};
    QTest::newRow("command ok, no interface")
        << map({{"kind", s("command")}, {"verb", s("handover")}, {"by", s("alice")}, {"ok", true}})
        << QStringList{s("alice"), s("handover")} << QStringList{s("refused")};
    QTest::newRow("command refused") << map({{"kind", s("command")},
                                             {"verb", s("handover")},
                                             {"by", s("bob")},
                                             {"ok", false},
                                             {"error", s("not-permitted")}})
                                     << QStringList{s("bob"), s("handover"), s("refused"),
                                                    ControlErrors::describe(u"not-permitted")}
                                     << QStringList{};
    QTest::newRow("command refused, unknown code")
        << map({{"kind", s("command")},
                {"verb", s("link-up")},
                {"by", s("alice")},
                {"ok", false},
                {"error", s("some-new-code")},
                {"interface", s("eth3")}})
        << QStringList{s("alice"), s("link-up eth3"), s("refused"), s("some-new-code")} << QStringList{};
    QTest::newRow("command maintenance on")
        << map({{"kind", s("command")},
                {"verb", s("maintenance")},
                {"by", s("alice")},
                {"ok", true},
                {"on", true}})
        << QStringList{s("alice"), s("maintenance on")} << QStringList{s("off"), s("refused")};
    QTest::newRow("command maintenance off, refused")
        << map({{"kind", s("command")},
                {"verb", s("maintenance")},
                {"by", s("bob")},
                {"ok", false},
                {"error", s("not-permitted")},
                {"on", false}})
        << QStringList{s("bob"), s("maintenance off"), s("refused")} << QStringList{};
    QTest::newRow("restore-armed") << map({{"kind", s("restore-armed")},
                                           {"interface", s("eth1")},
                                           {"deadline", deadline},
                                           {"by", s("alice")}})
                                   << QStringList{s("eth1"), s("alice"), clock} << QStringList{};
    QTest::newRow("restore-done early")
        << map({{"kind", s("restore-done")},
                {"interface", s("eth1")},
                {"early", true},
                {"late_ms", 0},
                {"by", s("carol")}})
        << QStringList{s("eth1"), s("early"), s("carol")} << QStringList{s("late")};
    QTest::newRow("restore-done late")
        << map({{"kind", s("restore-done")}, {"interface", s("eth1")}, {"early", false}, {"late_ms", 250}})
        << QStringList{s("eth1"), s("250 ms"), s("late")} << QStringList{s("early")};
    QTest::newRow("restore-failed") << map({{"kind", s("restore-failed")}, {"interface", s("eth2")}})
                                    << QStringList{s("eth2"), s("not be restored"), s("retrying")}
                                    << QStringList{};
    QTest::newRow("link-down-failed")
        << map({{"kind", s("link-down-failed")}, {"interface", s("eth2")}})
        << QStringList{s("eth2"), s("could not be taken down")} << QStringList{};
    QTest::newRow("maintenance on") << map({{"kind", s("maintenance")}, {"on", true}, {"by", s("alice")}})
                                    << QStringList{s("maintenance"), s("on"), s("alice")}
                                    << QStringList{s("off")};
    QTest::newRow("maintenance off") << map({{"kind", s("maintenance")}, {"on", false}, {"by", s("bob")}})
                                     << QStringList{s("maintenance"), s("off"), s("bob")}
                                     << QStringList{s(" on ")};
    QTest::newRow("unknown kind") << map({{"kind", s("warp-drive")}}) << QStringList{s("warp-drive")}
                                  << QStringList{};
}

void TestAgentStatus::eventText()
{
    QFETCH(QCborMap, event);
    QFETCH(QStringList, mentions);
    QFETCH(QStringList, avoids);
    // As the client receives it: with type and time.
    QString error;
    const std::optional<ControlEvent> parsed =
        ControlEvent::fromMessage(ControlMessage::event(event, 1'700'000'000'000), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    const QString line = ControlEventText::describe(*parsed);
    QVERIFY(!line.isEmpty());
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
    for (const QString& part : mentions)
        QVERIFY2(line.contains(part), qPrintable(QString(u"'" + part + u"' not in: " + line)));
    for (const QString& part : avoids)
        QVERIFY2(!line.contains(part), qPrintable(QString(u"'" + part + u"' in: " + line)));
}

QTEST_GUILESS_MAIN(TestAgentStatus)
#include "TestAgentStatus.moc"
