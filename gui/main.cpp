// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("baton"));
    QApplication::setOrganizationName(QStringLiteral("Baton"));
    QApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("baton"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Baton: watch and test a CARP failover pair."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window and exit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QApplication::translate("main", "Open the window, check it painted, exit."));
    parser.addOptions({screenshot, selfTest});
    parser.process(app);

    baton::MainWindow window;
    window.show();
    if (parser.isSet(screenshot) || parser.isSet(selfTest)) {
        // Let the window lay out and paint once before grabbing it.
        QTimer::singleShot(500, &window, [&] {
            const QPixmap picture = window.grab();
            bool ok = !picture.isNull() && picture.width() > 100 && picture.height() > 100;
            if (ok && parser.isSet(screenshot))
                ok = picture.save(parser.value(screenshot));
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
