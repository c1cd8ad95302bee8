// SPDX-License-Identifier: GPL-3.0-or-later
// Export of the event log: CSV by RFC 4180 (header, CRLF, commas, quotes and line breaks quoted,
// UTF-8) read back field by field, the JSON array's shape, a failed write that leaves no file, and
// the view's Export through its file-chooser seam (the rows shown, no dialog).
#include "log/EventLogExport.h"
#include "log/EventLogFilter.h"
#include "log/EventLogModel.h"
#include "log/EventLogView.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using Kind = EventLogModel::Kind;

namespace {
constexpr qint64 T0 = 1'700'000'000'000; // 2023-11-14T22:13:20.000Z

QList<EventLogModel::Entry> sample()
{
    EventLogModel::Entry agent{T0 + 1, QStringLiteral("node1"), Kind::State,
                               QStringLiteral("vhid 1 on eth0: BACKUP → MASTER (master-down)")};
    agent.agentTimeMs = T0 + 3'600'001;
    agent.eventId = QStringLiteral("state:00");
    agent.earlier = true;
    return {
        agent,
        {T0 + 2, QStringLiteral("node,2"), Kind::Command, QStringLiteral("said \"hello\", then left")},
        {T0 + 3, QString(), Kind::Alarm, QStringLiteral("two\r\nlines and Grüße")},
        {T0 + 4, QStringLiteral("VIP"), Kind::Reachability, QStringLiteral("plain")},
    };
}

// RFC 4180, read strictly: records end in CRLF, quoted fields may hold anything with "" for ".
QList<QStringList> parseCsv(const QString& text, QString* error)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    bool quoted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                i += 2;
            } else if (c == u'"') {
                quoted = false;
                ++i;
                if (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r')
                    *error = QStringLiteral("text after a closing quote at %1").arg(i);
            } else {
                field += c;
                ++i;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
            ++i;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            ++i;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            i += 2;
        } else if (c == u'"' || c == u'\n' || c == u'\r') {
            *error = QStringLiteral("unquoted %1 at %2").arg(c).arg(i);
            ++i;
        } else {
            field += c;
            ++i;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        *error = QStringLiteral("the last record does not end in CRLF");
    return records;
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestEventLogExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void csvQuotesByRfc4180()
    {
        const QByteArray bytes = EventLogExport::csv(sample());
        QVERIFY(bytes.startsWith("time,time_ms,node,kind,text,earlier,agent_time_ms\r\n"));
        QString error;
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 5);
        for (const QStringList& record : records)
            QCOMPARE(record.size(), 7);
        QCOMPARE(records.at(1),
                 (QStringList{QStringLiteral("2023-11-14T22:13:20.001Z"), QString::number(T0 + 1),
                              QStringLiteral("node1"), QStringLiteral("state"),
                              QStringLiteral("vhid 1 on eth0: BACKUP → MASTER (master-down)"),
                              QStringLiteral("true"), QString::number(T0 + 3'600'001)}));
        QCOMPARE(records.at(2).at(2), QStringLiteral("node,2"));
        QCOMPARE(records.at(2).at(4), QStringLiteral("said \"hello\", then left"));
        QCOMPARE(records.at(2).at(6), QString()); // no agent time for the window's own rows
        QCOMPARE(records.at(3).at(4), QStringLiteral("two\r\nlines and Grüße"));
        QCOMPARE(records.at(3).at(2), QString());
        QCOMPARE(records.at(3).at(3), QStringLiteral("alarm"));
        // Quoted only where needed, quotes doubled, UTF-8.
        QVERIFY(bytes.contains(",\"node,2\",command,\"said \"\"hello\"\", then left\",false,\r\n"));
        QVERIFY(bytes.contains("Gr\xc3\xbc\xc3\x9f"
                               "e"));
        QVERIFY(bytes.contains(",VIP,reachability,plain,false,\r\n"));
    }

    void jsonIsAnArrayOfObjects()
    {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(EventLogExport::json(sample()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 4);
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("agentTimeMs"), QStringLiteral("earlier"),
                              QStringLiteral("kind"), QStringLiteral("node"), QStringLiteral("text"),
                              QStringLiteral("time"), QStringLiteral("timeMs")}));
        QCOMPARE(first.value(QStringLiteral("time")).toString(), QStringLiteral("2023-11-14T22:13:20.001Z"));
        QCOMPARE(first.value(QStringLiteral("timeMs")).toInteger(), T0 + 1);
        QCOMPARE(first.value(QStringLiteral("agentTimeMs")).toInteger(), T0 + 3'600'001);
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("state"));
        QCOMPARE(first.value(QStringLiteral("earlier")).toBool(), true);
        const QJsonObject third = array.at(2).toObject();
        QVERIFY(!third.contains(QStringLiteral("agentTimeMs")));
        QCOMPARE(third.value(QStringLiteral("text")).toString(), QStringLiteral("two\r\nlines and Grüße"));
        QCOMPARE(third.value(QStringLiteral("earlier")).toBool(true), false);
        QCOMPARE(third.value(QStringLiteral("node")).toString(), QString());
    }

    void formatFollowsTheExtension()
    {
        QVERIFY(EventLogExport::formatOf(QStringLiteral("a.csv")) == EventLogExport::Format::Csv);
        QVERIFY(EventLogExport::formatOf(QStringLiteral("/x/A.JSON")) == EventLogExport::Format::Json);
        QVERIFY(!EventLogExport::formatOf(QStringLiteral("a.txt")));
    }

    void failedWriteSaysWhyAndLeavesNoFile()
    {
        // A folder where a file stands: nothing can be created below it.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = blocker + QStringLiteral("/events.csv");
        QString error;
        QVERIFY(!EventLogExport::write(path, EventLogExport::Format::Csv, sample(), &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        // A directory as the target: refused, the directory left as it was.
        const QString folder = m_dir.filePath(QStringLiteral("folder.json"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(!EventLogExport::write(folder, EventLogExport::Format::Json, sample(), &error));
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(QDir(m_dir.path())
                    .entryList({QStringLiteral("*.csv"), QStringLiteral("*.json")}, QDir::Files)
                    .isEmpty());
    }

    void viewExportsTheRowsShown()
    {
        EventLogModel model;
        for (const EventLogModel::Entry& e : sample())
            model.append(e);
        EventLogView view(&model);
        view.filter()->setKind(Kind::State);
        QString chosen = m_dir.filePath(QStringLiteral("shown.json"));
        QString suggested;
        view.setSaveFileChooser([&](QWidget*, const QString& suggestion) {
            suggested = suggestion;
            return chosen;
        });
        QSignalSpy exported(&view, &EventLogView::exported);
        view.exportAction()->trigger();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.constFirst().at(1).toInt(), 1);
        QVERIFY(suggested.endsWith(QStringLiteral(".csv")));
        const QJsonArray array = QJsonDocument::fromJson(contents(chosen)).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("state"));

        // Cancelled: nothing happens.
        chosen.clear();
        view.exportShown();
        QCOMPARE(exported.size(), 1);

        // A failure is said, in a message box naming the file.
        QSignalSpy failed(&view, &EventLogView::exportFailed);
        chosen = m_dir.filePath(QStringLiteral("no/such/folder/x.csv"));
        view.exportShown();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.constFirst().at(0).toString().contains(QDir::toNativeSeparators(chosen)));
        auto* box = view.findChild<QMessageBox*>();
        QVERIFY(box);
        QCOMPARE(box->text(), failed.constFirst().at(0).toString());
        QVERIFY(!QFile::exists(chosen));
    }

    void viewAsksWithAFileDialog()
    {
        EventLogModel model;
        for (const EventLogModel::Entry& e : sample())
            model.append(e);
        EventLogView view(&model);
        QSignalSpy exported(&view, &EventLogView::exported);
        view.exportShown();
        auto* dialog = view.findChild<QFileDialog*>(QStringLiteral("exportDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(exported.size(), 0); // nothing until a file is chosen, and the call has returned
        // A name typed without an extension, the JSON type chosen: a .json file.
        dialog->selectNameFilter(dialog->nameFilters().at(1));
        dialog->selectFile(m_dir.filePath(QStringLiteral("typed")));
        QMetaObject::invokeMethod(dialog, "accept"); // as its Save button does
        QCOMPARE(exported.size(), 1);
        const QString written = m_dir.filePath(QStringLiteral("typed.json"));
        QCOMPARE(exported.constFirst().at(0).toString(), written);
        QCOMPARE(QJsonDocument::fromJson(contents(written)).array().size(), sample().size());
    }
};

QTEST_MAIN(TestEventLogExport)
#include "TestEventLogExport.moc"
