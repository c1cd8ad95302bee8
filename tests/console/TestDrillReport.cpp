// SPDX-License-Identifier: GPL-3.0-or-later
// The drill's reports from one record: the JSON against docs/drill-report.schema.json (Debian's
// jsonschema), the HTML parsed as XML (well-formed, the SVG timeline inline, text escaped), the PDF
// rendered by pdftoppm, and the history read back from the folder.
#include "DrillReport.h"
#include "drill/DrillStore.h"
#include "report/DrillHtml.h"
#include "report/DrillTimeline.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace baton;

namespace {
constexpr qint64 T0 = 1'767'000'000'000;

DrillRecord sample()
{
    DrillRecord r;
    r.cluster = QStringLiteral("web <pair> & co");
    r.kind = DrillKind::Classic;
    r.startedMs = T0;
    r.endedMs = T0 + 20'000;
    r.verdict = DrillRecord::Verdict::Failed;
    r.reasons = {
        QStringLiteral("Take eth0 down on node1: VIP outage of 3900 ms exceeds the bound of 3227 ms")};
    r.warnings = {QStringLiteral("node2's agent runs advbase 2")};
    r.preflight = {{QStringLiteral("agents-live"), true, QStringLiteral("both agents answer")},
                   {QStringLiteral("clocks"), true, QStringLiteral("node1 +1 ms, node2 −2 ms")}};
    r.agents[0] = {QStringLiteral("node1"), QStringLiteral("0.1.0"), QStringLiteral("192.0.2.131:7112"), 1};
    r.agents[1] = {QStringLiteral("node2"), QStringLiteral("0.1.0"), QStringLiteral("192.0.2.132:7112"),
                   std::nullopt};
    r.configuration = QJsonObject{{QStringLiteral("name"), r.cluster}};
    r.targets = {QStringLiteral("192.0.2.10"), QStringLiteral("192.0.2.11"), QStringLiteral("192.0.2.12")};
    r.nodeNames = {QStringLiteral("node1"), QStringLiteral("node2")};
    r.probeIntervalMs = 20;
    r.probeMethod = QStringLiteral("ICMP socket");
    r.echoes = {1000, 1000, 1000};
    r.lost = {195, 400, 0};
    r.outages = {{0, T0 + 2000, T0 + 5900, 195, false}, {1, T0 + 2000, T0 + 10000, 400, false}};
    r.holders = {{0, T0, T0 + 2010}, {1, T0 + 5880, 0}, {0, T0 + 5800, T0 + 5900}};
    r.vipMacs = {{T0 + 6000, QStringLiteral("02:00:00:00:00:02"), 1}};
    r.events = {{T0 + 2010, 0, QStringLiteral("vhid 1 on eth0: MASTER → INIT (link-down)")}};
    DrillStep down;
    down.title = QStringLiteral("Take eth0 down on node1");
    down.interface = QStringLiteral("eth0");
    down.heldVip = true;
    down.expected = QStringLiteral("node2 takes the VIP");
    down.bound.masterDownMs = 3007;
    down.bound.probeMs = 20;
    down.bound.marginMs = 200;
    down.bound.formula = QStringLiteral("3 × 1 s + 2/256 s + 20 ms + 200 ms = 3227 ms");
    down.result = DrillStep::Result::Failed;
    down.startedMs = T0 + 1800;
    down.endedMs = T0 + 8000;
    down.seen = {QStringLiteral("+0 ms  asked node1 to take eth0 down")};
    down.reasons = {QStringLiteral("VIP outage of 3900 ms exceeds the bound of 3227 ms")};
    down.vipOutageMs = 3900;
    down.faultToTakeoverMs = 3870;
    DrillStep up = down;
    up.action = DrillStep::Action::LinkUp;
    up.title = QStringLiteral("Bring eth0 up on node1");
    up.result = DrillStep::Result::Passed;
    up.reasons.clear();
    up.vipOutageMs.reset();
    up.recoveryMs = 15;
    up.startedMs = T0 + 8000;
    DrillStep skipped = up;
    skipped.result = DrillStep::Result::Skipped;
    skipped.startedMs = 0;
    r.steps = {down, up, skipped};
    return r;
}

QString tool(const char* name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        qWarning("%s is missing (scripts/install-deps.sh installs it)", name);
    return path;
}
} // namespace

class TestDrillReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void htmlIsWellFormedAndSelfContained()
    {
        const QString html = DrillHtml::html(sample());
        QXmlStreamReader xml(html);
        int svgRects = 0;
        bool inSvg = false;
        QStringList external;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                inSvg = inSvg || xml.name() == QLatin1StringView("svg");
                svgRects += inSvg && xml.name() == QLatin1StringView("rect") ? 1 : 0;
                for (const char* attribute : {"src", "href"}) {
                    if (xml.attributes().hasAttribute(QLatin1StringView(attribute)))
                        external.append(xml.attributes().value(QLatin1StringView(attribute)).toString());
                }
                QVERIFY(xml.name() != QLatin1StringView("script"));
            }
        }
        QVERIFY2(!xml.hasError(),
                 qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
        QVERIFY(external.isEmpty());
        // 3 answering rows + 2 outages + 3 holder spans + 1 two-holder overlap
        QCOMPARE(svgRects, 9);
        QVERIFY(html.contains(QStringLiteral("web &lt;pair&gt; &amp; co")));
        QVERIFY(html.contains(QStringLiteral("3 × 1 s + 2/256 s + 20 ms + 200 ms = 3227 ms")));
        QVERIFY(html.contains(QStringLiteral("FAILED")));
    }

    void timelineMarksOutagesAndHolders()
    {
        const DrillTimeline timeline(sample());
        QCOMPARE(timeline.rows().size(), 4);
        int red = 0;
        int both = 0;
        for (const DrillTimeline::Band& b : timeline.bands()) {
            red += b.colour == QLatin1StringView("#e53935") ? 1 : 0;
            if (b.colour == QLatin1StringView("#b71c1c")) {
                ++both;
                QCOMPARE(b.fromMs, T0 + 5880);
                QCOMPARE(b.toMs, T0 + 5900);
            }
        }
        QCOMPARE(red, 2);
        QCOMPARE(both, 1);
    }

    void filesSchemaPdfAndHistory()
    {
        QTemporaryDir dir;
        QString error;
        const auto files = DrillReport::writeAll(sample(), dir.path(), &error);
        QVERIFY2(files, qPrintable(error));
        QFile pdf(files->pdf);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QCOMPARE(QFile(files->json).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        const QString jsonschema = tool("jsonschema");
        QVERIFY(!jsonschema.isEmpty());
        const QString schema = QStringLiteral(BATON_SOURCE_DIR "/docs/drill-report.schema.json");
        QProcess check;
        check.start(jsonschema, {QStringLiteral("-i"), files->json, schema});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
        // The schema can fail: a report with a password and an unknown verdict does not match.
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        QJsonObject json = sample().toJson();
        json.insert(QStringLiteral("verdict"), QStringLiteral("fine"));
        bad.write(QJsonDocument(json).toJson());
        bad.close();
        check.start(jsonschema, {QStringLiteral("-i"), bad.fileName(), schema});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY(check.exitCode() != 0);
        bad.remove();

        const QString pdftoppm = tool("pdftoppm");
        QVERIFY(!pdftoppm.isEmpty());
        QProcess render;
        render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
                                QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                QStringLiteral("1"), files->pdf, dir.filePath(QStringLiteral("page"))});
        QVERIFY(render.waitForFinished(30000));
        QVERIFY2(render.exitCode() == 0, render.readAllStandardError().constData());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("page-1.png"))));

        // The PDF helper reads the JSON back: the record survives the round trip.
        QFile saved(files->json);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QString error2;
        const std::optional<DrillRecord> back =
            DrillRecord::fromJson(QJsonDocument::fromJson(saved.readAll()).object(), &error2);
        QVERIFY2(back, qPrintable(error2));
        QCOMPARE(back->toJson(), sample().toJson());

        const QList<DrillStore::Entry> history = DrillStore::history(dir.path());
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].verdict, QStringLiteral("failed"));
        QCOMPARE(history[0].type, QStringLiteral("classic"));
        QCOMPARE(history[0].vipOutageMs, std::optional<qint64>(3900));
        QCOMPARE(history[0].startedMs, T0);
    }

    void storeFolderIsSafe()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString dir = DrillStore::directoryFor(QStringLiteral("../web pair/x"));
        QVERIFY2(dir.endsWith(QStringLiteral("/drills/-web-pair-x")), qPrintable(dir));
        QVERIFY(!dir.contains(QStringLiteral("..")));
    }
};

QTEST_MAIN(TestDrillReport)
#include "TestDrillReport.moc"
