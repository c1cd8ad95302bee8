// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillHtml.h"

#include "DrillTimeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

namespace baton {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString ms(const std::optional<qint64>& value)
{
    return value ? QStringLiteral("%1 ms").arg(*value) : QStringLiteral("–");
}

QString clock(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString verdictColour(const QString& verdict)
{
    if (verdict == QLatin1StringView("passed"))
        return QStringLiteral("#2e7d32");
    if (verdict == QLatin1StringView("failed"))
        return QStringLiteral("#c62828");
    return QStringLiteral("#ef6c00");
}

QString row(const QStringList& cells, const QString& tag = QStringLiteral("td"))
{
    QString out = QStringLiteral("<tr>");
    for (const QString& c : cells)
        out += QStringLiteral("<%1>%2</%1>").arg(tag, c);
    return out + QStringLiteral("</tr>\n");
}
} // namespace

QString DrillHtml::body(const DrillRecord& r, const QString& timeline)
{
    const QString verdict = DrillRecord::verdictName(r.verdict);
    QString out;
    out += QStringLiteral("<h1>%1: %2</h1>\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Failover drill")), esc(r.cluster));
    out += QStringLiteral("<p>%1 · %2 – %3</p>\n")
               .arg(esc(drillKindTitle(r.kind)), clock(r.startedMs), clock(r.endedMs));
    out += QStringLiteral("<p class=\"verdict\" style=\"color:%1\"><b>%2: %3</b></p>\n")
               .arg(verdictColour(verdict), esc(QCoreApplication::translate("DrillReport", "Verdict")),
                    esc(verdict.toUpper()));
    if (!r.reasons.isEmpty() || r.verdict == DrillRecord::Verdict::Running) {
        out += QStringLiteral("<ul>\n");
        for (const QString& reason : r.reasons)
            out += QStringLiteral("<li>%1</li>\n").arg(esc(reason));
        if (r.verdict == DrillRecord::Verdict::Running)
            out += QStringLiteral("<li>%1</li>\n")
                       .arg(esc(QCoreApplication::translate("DrillReport", "the drill did not finish")));
        out += QStringLiteral("</ul>\n");
    }
    for (const QString& w : r.warnings)
        out += QStringLiteral("<p><i>%1: %2</i></p>\n")
                   .arg(esc(QCoreApplication::translate("DrillReport", "Warning")), esc(w));
    out += QStringLiteral("<p><b>%1</b> %2</p>\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Longest VIP outage:")),
                    ms(r.longestVipOutageMs()));

    out += QStringLiteral("<h2>%1</h2>\n").arg(esc(QCoreApplication::translate("DrillReport", "Timeline")));
    out += timeline;
    out += QStringLiteral("<p class=\"legend\">%1</p>\n")
               .arg(esc(QCoreApplication::translate(
                            "DrillReport",
                            "Green: answering; red: echoes unanswered. Holder row: blue %1, orange %2, dark "
                            "red both. "
                            "Numbers mark where each step acted."))
                        .arg(esc(r.nodeNames[0]), esc(r.nodeNames[1])));

    out += QStringLiteral(
               "<h2>%1</h2>\n<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Steps")));
    out += row({esc(QCoreApplication::translate("DrillReport", "#")),
                esc(QCoreApplication::translate("DrillReport", "Step")),
                esc(QCoreApplication::translate("DrillReport", "Expected")),
                esc(QCoreApplication::translate("DrillReport", "Bound")),
                esc(QCoreApplication::translate("DrillReport", "VIP outage")),
                esc(QCoreApplication::translate("DrillReport", "Lost echoes")),
                esc(QCoreApplication::translate("DrillReport", "Fault → takeover (agents)")),
                esc(QCoreApplication::translate("DrillReport", "Two holders (agents / MAC)")),
                esc(QCoreApplication::translate("DrillReport", "Recovery")),
                esc(QCoreApplication::translate("DrillReport", "Verdict"))},
               QStringLiteral("th"));
    for (int i = 0; i < r.steps.size(); ++i) {
        const DrillStep& s = r.steps[i];
        const QString result = DrillStep::resultName(s.result);
        QString verdictCell = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                                  .arg(verdictColour(result), esc(result.toUpper()));
        for (const QString& reason : s.reasons)
            verdictCell += QStringLiteral("<br/>%1").arg(esc(reason));
        out += row(
            {QString::number(i + 1), esc(s.title), esc(s.expected),
             QStringLiteral("%1 ms<br/><small>%2</small>").arg(s.bound.totalMs()).arg(esc(s.bound.formula)),
             ms(s.vipOutageMs), QStringLiteral("%1 / %2").arg(s.vipLost).arg(s.vipEchoes),
             ms(s.faultToTakeoverMs),
             QStringLiteral("%1 ms / %2 ms").arg(s.twoHoldersAgentsMs).arg(s.twoHoldersMacMs),
             ms(s.recoveryMs), verdictCell});
    }
    out += QStringLiteral("</table>\n");

    for (int i = 0; i < r.steps.size(); ++i) {
        if (r.steps[i].seen.isEmpty())
            continue;
        out += QStringLiteral("<h3>%1 %2: %3</h3>\n<pre>")
                   .arg(esc(QCoreApplication::translate("DrillReport", "Step")))
                   .arg(i + 1)
                   .arg(esc(r.steps[i].title));
        out += esc(r.steps[i].seen.join(u'\n'));
        out += QStringLiteral("</pre>\n");
    }

    out += QStringLiteral(
               "<h2>%1</h2>\n<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Preflight")));
    for (const DrillRecord::Check& c : r.preflight)
        out += row({esc(c.name),
                    c.ok ? esc(QCoreApplication::translate("DrillReport", "ok"))
                         : QStringLiteral("<b>%1</b>")
                               .arg(esc(QCoreApplication::translate("DrillReport", "not met"))),
                    esc(c.detail)});
    out += QStringLiteral("</table>\n");

    out += QStringLiteral(
               "<h2>%1</h2>\n<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Agents")));
    out += row({esc(QCoreApplication::translate("DrillReport", "Node")),
                esc(QCoreApplication::translate("DrillReport", "Agent")),
                esc(QCoreApplication::translate("DrillReport", "Version")),
                esc(QCoreApplication::translate("DrillReport", "Address")),
                esc(QCoreApplication::translate("DrillReport", "Clock offset"))},
               QStringLiteral("th"));
    for (int n = 0; n < 2; ++n)
        out += row({esc(r.nodeNames[n]), esc(r.agents[n].name), esc(r.agents[n].version),
                    esc(r.agents[n].host), ms(r.agents[n].clockOffsetMs)});
    out += QStringLiteral("</table>\n");
    out += QStringLiteral("<p>%1</p>\n")
               .arg(esc(QCoreApplication::translate(
                            "DrillReport", "Probe: every %1 ms by %2; %3 echoes to the VIP, %4 lost."))
                        .arg(r.probeIntervalMs)
                        .arg(esc(r.probeMethod))
                        .arg(r.echoes[0])
                        .arg(r.lost[0]));

    out += QStringLiteral("<h2>%1</h2>\n<pre>%2</pre>\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Configuration")),
                    esc(QString::fromUtf8(QJsonDocument(r.configuration).toJson(QJsonDocument::Indented))));

    out += QStringLiteral(
               "<h2>%1</h2>\n<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Events")));
    for (const DrillRecord::Event& e : r.events)
        out += row({clock(e.timeMs), esc(r.nodeNames[e.node == 1 ? 1 : 0]), esc(e.text)});
    for (const DrillRecord::MacChange& m : r.vipMacs)
        out += row({clock(m.timeMs), esc(QCoreApplication::translate("DrillReport", "VIP MAC")),
                    esc(m.mac.isEmpty() ? QCoreApplication::translate("DrillReport", "no entry")
                        : m.node >= 0   ? QStringLiteral("%1 (%2)").arg(m.mac, r.nodeNames[m.node])
                                        : m.mac)});
    out += QStringLiteral("</table>\n");
    out += QStringLiteral("<p><small>%1</small></p>\n")
               .arg(esc(QCoreApplication::translate("DrillReport", "Baton %1, drill report schema %2")
                            .arg(QStringLiteral(BATON_VERSION))
                            .arg(DrillRecord::SchemaVersion)));
    return out;
}

QString DrillHtml::html(const DrillRecord& record)
{
    const DrillTimeline timeline(record);
    return QStringLiteral(
               "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\">\n<head>\n"
               "<meta charset=\"utf-8\"/>\n<title>%2</title>\n<style>\n"
               "body { font-family: sans-serif; margin: 2em; }\n"
               "table { border-collapse: collapse; font-size: 90%; }\n"
               "th { background: #eee; text-align: left; }\n"
               "pre { background: #f6f6f6; padding: 0.5em; }\n"
               "</style>\n</head>\n<body>\n%3</body>\n</html>\n")
        .arg(QLocale().name().left(2),
             esc(QCoreApplication::translate("DrillReport", "Failover drill") + QStringLiteral(": ") +
                 record.cluster),
             body(record, timeline.svg()));
}

bool DrillHtml::write(const DrillRecord& record, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(html(record).toUtf8()) < 0 || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace baton
