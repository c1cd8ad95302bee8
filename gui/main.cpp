// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <string_view>

int main(int argc, char** argv)
{
    // --version needs no display (QApplication would insist on one): answer it before.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--version" || arg == "-v") {
            std::printf("baton %s\n", BATON_VERSION);
            return 0;
        }
    }
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
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QApplication::translate("main", "Open this cluster definition (JSON) instead of one from your list; "
                                        "it is not added to the list."),
        QApplication::translate("main", "file"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window and exit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption screenshotAfter(
        QStringLiteral("screenshot-after"),
        QApplication::translate("main", "Wait this long before the picture of --screenshot or --self-test "
                                        "(default 500)."),
        QApplication::translate("main", "milliseconds"), QStringLiteral("500"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QApplication::translate("main", "Open the window, check it painted, exit."));
    const QCommandLineOption startInTray(
        QStringLiteral("start-in-tray"),
        QApplication::translate("main", "Start with only the tray icon, watching every cluster (for a "
                                        "session's autostart); without a tray the window shows."));
    parser.addOptions({cluster, screenshot, screenshotAfter, selfTest, startInTray});
    parser.process(app);

    bool delayOk = false;
    const int delayMs = parser.value(screenshotAfter).toInt(&delayOk);
    if (!delayOk || delayMs < 0) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QApplication::translate("main", "--screenshot-after: expected milliseconds, got '%1'")
                           .arg(parser.value(screenshotAfter))));
        return 2;
    }

    baton::MainWindow window;
    QObject::connect(&window, &baton::MainWindow::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    if (parser.isSet(cluster)) {
        QString error;
        // The window shows the error too; it stays open so that it can be fixed there.
        if (!window.openClusterFile(parser.value(cluster), &error))
            std::fprintf(stderr, "baton: %s\n", qPrintable(error));
    } else if (!parser.isSet(selfTest)) {
        window.openLastCluster();
    }
    const bool grabbing = parser.isSet(screenshot) || parser.isSet(selfTest);
    if (grabbing)
        window.resize(1280, 800); // pictures of one size, whatever was remembered
    if (parser.isSet(startInTray) && !grabbing) {
        if (!window.startInTray())
            std::fprintf(
                stderr, "baton: %s\n",
                qPrintable(QApplication::translate(
                    "main", "--start-in-tray: this desktop shows no tray icons, so the window opens")));
    } else {
        window.show();
    }
    if (grabbing) {
        QTimer::singleShot(delayMs, &window, [&] {
            const QPixmap picture = window.grab();
            bool ok = !picture.isNull() && picture.width() > 100 && picture.height() > 100;
            if (ok && parser.isSet(screenshot))
                ok = picture.save(parser.value(screenshot));
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
