// SPDX-License-Identifier: GPL-3.0-or-later
// ControlRequest::parse as the control channel's allow-list (docs/control-protocol.md, "Requests and
// replies"): every verb with its arguments and defaults, the exact refusal (code and detail) for each
// way a request can be wrong, and the error codes' vocabulary (ControlErrors).
#include "control/ControlError.h"
#include "control/ControlProtocol.h"
#include "control/ControlRequest.h"

#include <QCborArray>
#include <QSet>
#include <QTest>

#include <limits>

using namespace baton;
using Verb = ControlRequest::Verb;

Q_DECLARE_METATYPE(baton::ControlRequest::Verb)
Q_DECLARE_METATYPE(baton::ControlError)

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QCborMap message(const QCborValue& id, const QCborValue& verb, const QCborValue& args = QCborValue())
{
    QCborMap m;
    m[QLatin1StringView("t")] = QStringLiteral("request");
    if (!id.isUndefined())
        m[QLatin1StringView("id")] = id;
    if (!verb.isUndefined())
        m[QLatin1StringView("verb")] = verb;
    if (!args.isUndefined())
        m[QLatin1StringView("args")] = args;
    return m;
}

QCborMap request(const char* verb, const QCborMap& args = {}, qint64 id = 7)
{
    return message(id, s(verb), args);
}

QCborMap args(const char* key, const QCborValue& value)
{
    QCborMap m;
    m[QLatin1StringView(key)] = value;
    return m;
}

QCborMap linkDownArgs(const QCborValue& interface, const QCborValue& restore)
{
    QCborMap m;
    if (!interface.isUndefined())
        m[QLatin1StringView("interface")] = interface;
    if (!restore.isUndefined())
        m[QLatin1StringView("restore_after_s")] = restore;
    return m;
}

QCborMap fieldDetail(const char* field)
{
    QCborMap m;
    m[QLatin1StringView("field")] = s(field);
    return m;
}

QCborMap rangeDetail(const char* field, int min, int max)
{
    QCborMap m = fieldDetail(field);
    m[QLatin1StringView("min")] = min;
    m[QLatin1StringView("max")] = max;
    return m;
}

constexpr qint64 MaxId = ControlRequest::MaxId;

} // namespace

class TestControlRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void unknownArgumentsAndFieldsIgnored();
    void mutating_data();
    void mutating();
    void verbNames_data();
    void verbNames();
    void unknownVerbNames();

    void errorCodes_data();
    void errorCodes();
    void errorCodesDistinct();
    void unknownErrorCode();
};

void TestControlRequest::accepts_data()
{
    QTest::addColumn<QCborMap>("message");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<Verb>("verb");
    QTest::addColumn<QString>("interface");
    QTest::addColumn<int>("restore");
    QTest::addColumn<bool>("on");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("lines");

    const QString none;
    QTest::newRow("status") << message(1, s("status")) << qint64{1} << Verb::Status << none << 0 << false
                            << 60 << 100;
    QTest::newRow("status, empty args")
        << request("status") << qint64{7} << Verb::Status << none << 0 << false << 60 << 100;
    QTest::newRow("status, largest id")
        << message(MaxId, s("status")) << MaxId << Verb::Status << none << 0 << false << 60 << 100;
    QTest::newRow("link-down") << request("link-down", linkDownArgs(s("eth0"), 30)) << qint64{7}
                               << Verb::LinkDown << s("eth0") << 30 << false << 60 << 100;
    QTest::newRow("link-down, 1 s") << request("link-down", linkDownArgs(s("eth1"), 1)) << qint64{7}
                                    << Verb::LinkDown << s("eth1") << 1 << false << 60 << 100;
    QTest::newRow("link-down, 900 s, 15-char interface")
        << request("link-down", linkDownArgs(s("abcdefghijklmno"), 900)) << qint64{7} << Verb::LinkDown
        << s("abcdefghijklmno") << 900 << false << 60 << 100;
    QTest::newRow("link-up") << request("link-up", args("interface", s("eth0"))) << qint64{7} << Verb::LinkUp
                             << s("eth0") << 0 << false << 60 << 100;
    QTest::newRow("handover") << request("handover") << qint64{7} << Verb::Handover << none << 0 << false
                              << 60 << 100;
    QTest::newRow("handover, no args")
        << message(3, s("handover")) << qint64{3} << Verb::Handover << none << 0 << false << 60 << 100;
    QTest::newRow("crash") << request("crash") << qint64{7} << Verb::Crash << none << 0 << false << 60 << 100;
    QTest::newRow("maintenance on") << request("maintenance", args("on", true)) << qint64{7}
                                    << Verb::Maintenance << none << 0 << true << 60 << 100;
    QTest::newRow("maintenance off") << request("maintenance", args("on", false)) << qint64{7}
                                     << Verb::Maintenance << none << 0 << false << 60 << 100;
    QTest::newRow("adverts, default 60 s")
        << request("adverts") << qint64{7} << Verb::Adverts << none << 0 << false << 60 << 100;
    QTest::newRow("adverts, 1 s") << request("adverts", args("seconds", 1)) << qint64{7} << Verb::Adverts
                                  << none << 0 << false << 1 << 100;
    QTest::newRow("adverts, 300 s") << request("adverts", args("seconds", 300)) << qint64{7} << Verb::Adverts
                                    << none << 0 << false << 300 << 100;
    QTest::newRow("log, default 100 lines")
        << message(9, s("log")) << qint64{9} << Verb::Log << none << 0 << false << 60 << 100;
    QTest::newRow("log, 1 line") << request("log", args("lines", 1)) << qint64{7} << Verb::Log << none << 0
                                 << false << 60 << 1;
    QTest::newRow("log, 1000 lines") << request("log", args("lines", 1000)) << qint64{7} << Verb::Log << none
                                     << 0 << false << 60 << 1000;
}

void TestControlRequest::accepts()
{
    QFETCH(QCborMap, message);
    QFETCH(qint64, id);
    QFETCH(Verb, verb);
    QFETCH(QString, interface);
    QFETCH(int, restore);
    QFETCH(bool, on);
    QFETCH(int, seconds);
    QFETCH(int, lines);

    const auto parsed = ControlRequest::parse(message);
    const auto* refusal = std::get_if<ControlRequest::Refusal>(&parsed);
    if (refusal)
        QFAIL(qPrintable(QString(ControlErrors::code(refusal->error) + u' ' +
                                 QCborValue(refusal->detail).toDiagnosticNotation())));
    const ControlRequest r = std::get<ControlRequest>(parsed);
    QCOMPARE(r.id, id);
    QCOMPARE(r.verb, verb);
    QCOMPARE(r.interface, interface);
    QCOMPARE(r.restoreAfterSeconds, restore);
    QCOMPARE(r.maintenanceOn, on);
    QCOMPARE(r.seconds, seconds);
    QCOMPARE(r.lines, lines);

    // toCbor writes the request as a client sends it, and parse reads back the same request.
    const QCborMap wire = r.toCbor();
    QCOMPARE(wire.value(QLatin1StringView("t")).toString(), QStringLiteral("request"));
    QCOMPARE(wire.value(QLatin1StringView("id")).toInteger(), id);
    QCOMPARE(wire.value(QLatin1StringView("verb")).toString(), QString(ControlRequest::verbName(verb)));
    QVERIFY(wire.value(QLatin1StringView("args")).isMap());
    const auto again = ControlRequest::parse(wire);
    QVERIFY(std::holds_alternative<ControlRequest>(again));
    const ControlRequest back = std::get<ControlRequest>(again);
    QCOMPARE(back.id, r.id);
    QCOMPARE(back.verb, r.verb);
    QCOMPARE(back.interface, r.interface);
    QCOMPARE(back.restoreAfterSeconds, r.restoreAfterSeconds);
    QCOMPARE(back.maintenanceOn, r.maintenanceOn);
    QCOMPARE(back.seconds, r.seconds);
    QCOMPARE(back.lines, r.lines);
    QCOMPARE(back.toCbor(), wire);
}

void TestControlRequest::refuses_data()
{
    QTest::addColumn<QCborMap>("message");
    QTest::addColumn<qint64>("id"); // the refusal's id: 0 when the id itself is unusable
    QTest::addColumn<ControlError>("error");
    QTest::addColumn<QCborMap>("detail");

    const QCborValue absent;
    const QCborMap idField = fieldDetail("id");
    const auto badId = ControlError::BadMessage;
    QTest::newRow("id missing") << message(absent, s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id zero") << message(0, s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id negative") << message(-1, s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id 2^53") << message(MaxId + 1, s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id int64 max") << message(std::numeric_limits<qint64>::max(), s("status")) << qint64{0}
                                  << badId << idField;
    QTest::newRow("id float") << message(1.0, s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id string") << message(s("1"), s("status")) << qint64{0} << badId << idField;
    QTest::newRow("id bool") << message(true, s("status")) << qint64{0} << badId << idField;

    QTest::newRow("verb missing") << message(5, absent) << qint64{5} << ControlError::BadMessage
                                  << fieldDetail("verb");
    QTest::newRow("verb integer") << message(5, 1) << qint64{5} << ControlError::BadMessage
                                  << fieldDetail("verb");
    QTest::newRow("verb array") << message(5, QCborArray{s("status")}) << qint64{5}
                                << ControlError::BadMessage << fieldDetail("verb");
    QTest::newRow("verb unknown") << message(5, s("reboot")) << qint64{5} << ControlError::UnknownVerb
                                  << args("verb", s("reboot"));
    QTest::newRow("verb in capitals")
        << message(5, s("STATUS")) << qint64{5} << ControlError::UnknownVerb << args("verb", s("STATUS"));
    QTest::newRow("verb empty") << message(5, QString()) << qint64{5} << ControlError::UnknownVerb
                                << args("verb", QString());
    QTest::newRow("verb unknown, 200 chars, truncated to 64")
        << message(5, QString(200, u'x')) << qint64{5} << ControlError::UnknownVerb
        << args("verb", QString(64, u'x'));

    QTest::newRow("args array") << message(6, s("status"), QCborArray{}) << qint64{6}
                                << ControlError::BadArgument << fieldDetail("args");
    QTest::newRow("args string") << message(6, s("log"), s("lines=5")) << qint64{6}
                                 << ControlError::BadArgument << fieldDetail("args");
    QTest::newRow("args null") << message(6, s("handover"), QCborValue(nullptr)) << qint64{6}
                               << ControlError::BadArgument << fieldDetail("args");

    const auto bad = ControlError::BadArgument;
    const auto range = ControlError::OutOfRange;
    const QCborMap restoreRange = rangeDetail("restore_after_s", 1, 900);
    const QCborMap restoreField = fieldDetail("restore_after_s");
    const QCborMap interfaceField = fieldDetail("interface");
    QTest::newRow("link-down, no args") << message(8, s("link-down")) << qint64{8} << bad << restoreField;
    QTest::newRow("link-down without restore_after_s")
        << request("link-down", linkDownArgs(s("eth0"), absent)) << qint64{7} << bad << restoreField;
    QTest::newRow("link-down, restore 0")
        << request("link-down", linkDownArgs(s("eth0"), 0)) << qint64{7} << range << restoreRange;
    QTest::newRow("link-down, restore 901")
        << request("link-down", linkDownArgs(s("eth0"), 901)) << qint64{7} << range << restoreRange;
    QTest::newRow("link-down, restore negative")
        << request("link-down", linkDownArgs(s("eth0"), -30)) << qint64{7} << range << restoreRange;
    QTest::newRow("link-down, restore 2^40") << request("link-down", linkDownArgs(s("eth0"), qint64{1} << 40))
                                             << qint64{7} << range << restoreRange;
    QTest::newRow("link-down, restore as string")
        << request("link-down", linkDownArgs(s("eth0"), s("30"))) << qint64{7} << bad << restoreField;
    QTest::newRow("link-down, restore as float")
        << request("link-down", linkDownArgs(s("eth0"), 30.0)) << qint64{7} << bad << restoreField;
    QTest::newRow("link-down, restore as bool")
        << request("link-down", linkDownArgs(s("eth0"), true)) << qint64{7} << bad << restoreField;
    QTest::newRow("link-down, interface missing")
        << request("link-down", linkDownArgs(absent, 30)) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-down, interface empty")
        << request("link-down", linkDownArgs(QString(), 30)) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-down, interface 16 chars")
        << request("link-down", linkDownArgs(s("abcdefghijklmnop"), 30)) << qint64{7} << bad
        << interfaceField;
    QTest::newRow("link-down, interface not a string")
        << request("link-down", linkDownArgs(0, 30)) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-up, no args") << message(8, s("link-up")) << qint64{8} << bad << interfaceField;
    QTest::newRow("link-up, interface empty")
        << request("link-up", args("interface", QString())) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-up, interface 16 chars")
        << request("link-up", args("interface", s("abcdefghijklmnop"))) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-up, interface 100 chars")
        << request("link-up", args("interface", QString(100, u'e'))) << qint64{7} << bad << interfaceField;
    QTest::newRow("link-up, interface not a string")
        << request("link-up", args("interface", QCborArray{s("eth0")})) << qint64{7} << bad << interfaceField;

    const QCborMap onField = fieldDetail("on");
    QTest::newRow("maintenance, no args") << message(8, s("maintenance")) << qint64{8} << bad << onField;
    QTest::newRow("maintenance, on missing")
        << request("maintenance", args("off", true)) << qint64{7} << bad << onField;
    QTest::newRow("maintenance, on as integer")
        << request("maintenance", args("on", 1)) << qint64{7} << bad << onField;
    QTest::newRow("maintenance, on as string")
        << request("maintenance", args("on", s("true"))) << qint64{7} << bad << onField;

    QTest::newRow("adverts, 0 s") << request("adverts", args("seconds", 0)) << qint64{7} << range
                                  << rangeDetail("seconds", 1, 300);
    QTest::newRow("adverts, 301 s") << request("adverts", args("seconds", 301)) << qint64{7} << range
                                    << rangeDetail("seconds", 1, 300);
    QTest::newRow("adverts, seconds as string")
        << request("adverts", args("seconds", s("60"))) << qint64{7} << bad << fieldDetail("seconds");
    QTest::newRow("log, 0 lines") << request("log", args("lines", 0)) << qint64{7} << range
                                  << rangeDetail("lines", 1, 1000);
    QTest::newRow("log, 1001 lines") << request("log", args("lines", 1001)) << qint64{7} << range
                                     << rangeDetail("lines", 1, 1000);
    QTest::newRow("log, lines as float")
        << request("log", args("lines", 10.5)) << qint64{7} << bad << fieldDetail("lines");
}

void TestControlRequest::refuses()
{
    QFETCH(QCborMap, message);
    QFETCH(qint64, id);
    QFETCH(ControlError, error);
    QFETCH(QCborMap, detail);

    const auto parsed = ControlRequest::parse(message);
    const auto* refusal = std::get_if<ControlRequest::Refusal>(&parsed);
    QVERIFY2(refusal, "accepted");
    QCOMPARE(ControlErrors::code(refusal->error), ControlErrors::code(error));
    QCOMPARE(refusal->id, id);
    QCOMPARE(refusal->detail, detail);
}

void TestControlRequest::unknownArgumentsAndFieldsIgnored()
{
    // Later versions may add fields; this one ignores what it does not know.
    QCborMap m = request("log", args("lines", 5));
    m[QLatin1StringView("priority")] = s("high");
    QCborMap a = m.value(QLatin1StringView("args")).toMap();
    a[QLatin1StringView("grep")] = s("vhid");
    m[QLatin1StringView("args")] = a;
    const auto parsed = ControlRequest::parse(m);
    QVERIFY(std::holds_alternative<ControlRequest>(parsed));
    QCOMPARE(std::get<ControlRequest>(parsed).lines, 5);
    // An argument of another verb does not leak into this one.
    const auto status = ControlRequest::parse(request("status", args("lines", 5)));
    QVERIFY(std::holds_alternative<ControlRequest>(status));
    QCOMPARE(std::get<ControlRequest>(status).lines, 100);
    QCOMPARE(std::get<ControlRequest>(status).toCbor().value(QLatin1StringView("args")).toMap(), QCborMap());
}

void TestControlRequest::mutating_data()
{
    QTest::addColumn<Verb>("verb");
    QTest::addColumn<bool>("mutating");
    QTest::newRow("status") << Verb::Status << false;
    QTest::newRow("link-down") << Verb::LinkDown << true;
    QTest::newRow("link-up") << Verb::LinkUp << true;
    QTest::newRow("handover") << Verb::Handover << true;
    QTest::newRow("maintenance") << Verb::Maintenance << true;
    QTest::newRow("adverts") << Verb::Adverts << false;
    QTest::newRow("log") << Verb::Log << false;
    QTest::newRow("crash") << Verb::Crash << true;
}

void TestControlRequest::mutating()
{
    QFETCH(Verb, verb);
    QFETCH(bool, mutating);
    ControlRequest r;
    r.verb = verb;
    QCOMPARE(r.mutating(), mutating);
}

void TestControlRequest::verbNames_data()
{
    QTest::addColumn<Verb>("verb");
    QTest::addColumn<QString>("name");
    QTest::newRow("status") << Verb::Status << s("status");
    QTest::newRow("link-down") << Verb::LinkDown << s("link-down");
    QTest::newRow("link-up") << Verb::LinkUp << s("link-up");
    QTest::newRow("handover") << Verb::Handover << s("handover");
    QTest::newRow("maintenance") << Verb::Maintenance << s("maintenance");
    QTest::newRow("adverts") << Verb::Adverts << s("adverts");
    QTest::newRow("log") << Verb::Log << s("log");
    QTest::newRow("crash") << Verb::Crash << s("crash");
}

void TestControlRequest::verbNames()
{
    QFETCH(Verb, verb);
    QFETCH(QString, name);
    QCOMPARE(QString(ControlRequest::verbName(verb)), name);
    QCOMPARE(ControlRequest::verbFromName(name), std::optional<Verb>(verb));
}

void TestControlRequest::unknownVerbNames()
{
    for (const QString& name : {QString(), s("Status"), s("status "), s(" log"), s("link_down"), s("reboot")})
        QVERIFY2(!ControlRequest::verbFromName(name), qPrintable(name));
}

void TestControlRequest::errorCodes_data()
{
    QTest::addColumn<ControlError>("error");
    QTest::addColumn<QString>("code");
    // The table of docs/control-protocol.md, "Errors".
    QTest::newRow("unsupported-version") << ControlError::UnsupportedVersion << s("unsupported-version");
    QTest::newRow("hello-required") << ControlError::HelloRequired << s("hello-required");
    QTest::newRow("bad-frame") << ControlError::BadFrame << s("bad-frame");
    QTest::newRow("bad-message") << ControlError::BadMessage << s("bad-message");
    QTest::newRow("unknown-verb") << ControlError::UnknownVerb << s("unknown-verb");
    QTest::newRow("bad-argument") << ControlError::BadArgument << s("bad-argument");
    QTest::newRow("out-of-range") << ControlError::OutOfRange << s("out-of-range");
    QTest::newRow("unknown-interface") << ControlError::UnknownInterface << s("unknown-interface");
    QTest::newRow("not-permitted") << ControlError::NotPermitted << s("not-permitted");
    QTest::newRow("restore-pending") << ControlError::RestorePending << s("restore-pending");
    QTest::newRow("state-not-saved") << ControlError::StateNotSaved << s("state-not-saved");
    QTest::newRow("netlink-failed") << ControlError::NetlinkFailed << s("netlink-failed");
    QTest::newRow("rate-limited") << ControlError::RateLimited << s("rate-limited");
    QTest::newRow("too-many-connections") << ControlError::TooManyConnections << s("too-many-connections");
    QTest::newRow("timeout") << ControlError::Timeout << s("timeout");
    QTest::newRow("shutting-down") << ControlError::ShuttingDown << s("shutting-down");
    QTest::newRow("internal") << ControlError::Internal << s("internal");
}

void TestControlRequest::errorCodes()
{
    QFETCH(ControlError, error);
    QFETCH(QString, code);
    QCOMPARE(QString(ControlErrors::code(error)), code);
    QCOMPARE(ControlErrors::fromCode(code), std::optional<ControlError>(error));
    const QString text = ControlErrors::describe(code);
    QVERIFY(!text.trimmed().isEmpty());
    QVERIFY2(text != code, qPrintable(text));
}

void TestControlRequest::errorCodesDistinct()
{
    // Every enum value has its own code and its own sentence (the enum ends with Internal).
    QSet<QString> codes;
    QSet<QString> texts;
    const int count = static_cast<int>(ControlError::Internal) + 1;
    for (int i = 0; i < count; ++i) {
        const auto error = static_cast<ControlError>(i);
        const QString code = ControlErrors::code(error);
        QVERIFY2(!codes.contains(code), qPrintable(code));
        codes.insert(code);
        texts.insert(ControlErrors::describe(code));
        QCOMPARE(ControlErrors::fromCode(code), std::optional<ControlError>(error));
    }
    QCOMPARE(codes.size(), count);
    QCOMPARE(texts.size(), count);
}

void TestControlRequest::unknownErrorCode()
{
    QVERIFY(!ControlErrors::fromCode(u"no-such-code"));
    QVERIFY(!ControlErrors::fromCode(u"Timeout"));
    QVERIFY(!ControlErrors::fromCode(QString()));
    QCOMPARE(ControlErrors::describe(u"no-such-code"), s("no-such-code"));
    QCOMPARE(ControlErrors::describe(u"Timeout"), s("Timeout"));
    QCOMPARE(ControlErrors::describe(QString()), QString());
}

QTEST_GUILESS_MAIN(TestControlRequest)
#include "TestControlRequest.moc"
