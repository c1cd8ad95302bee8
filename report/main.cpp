// SPDX-License-Identifier: GPL-3.0-or-later
// baton-report REPORT.json OUT.pdf: a drill report's PDF from its JSON record. batonctl runs it
// after a drill, so batonctl itself needs no Qt Gui (it is installed on the servers); it ships
// with the window, which writes its own PDFs in-process.
#include "DrillReport.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTextStream>

using namespace baton;

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // fonts, not a display
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3 || args[1].startsWith(u'-')) {
        err << "usage: baton-report REPORT.json OUT.pdf\n";
        return 2;
    }
    QFile file(args[1]);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "baton-report: " << args[1] << ": " << file.errorString() << '\n';
        return 1;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    QString error = json.isObject() ? QString() : parseError.errorString();
    std::optional<DrillRecord> record;
    if (json.isObject())
        record = DrillRecord::fromJson(json.object(), &error);
    if (!record || !DrillReport::writePdf(*record, args[2], &error)) {
        err << "baton-report: " << args[1] << ": " << error << '\n';
        return 1;
    }
    return 0;
}
