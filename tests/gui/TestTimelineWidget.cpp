// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline paints what happened where it happened: red where echoes went unanswered, green
// where they were answered, grey where nothing is known, the newest moment at the right edge.
#include "reach/ReachabilityPanel.h"
#include "reach/ReachabilityTracker.h"
#include "reach/TimelineWidget.h"

#include <QImage>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTextEdit>

using namespace baton;

namespace {
constexpr qint64 Now = 1'700'000'060'000; // a whole minute: ticks fall on whole seconds

// 10 Hz echoes over [fromMs, toMs): lost inside [lostFrom, lostTo), answered elsewhere.
QList<ProbeSample> echoes(qint64 fromMs, qint64 toMs, qint64 lostFrom, qint64 lostTo)
{
    QList<ProbeSample> samples;
    quint16 sequence = 0;
    for (qint64 t = fromMs; t < toMs; t += 100) {
        const bool lost = t >= lostFrom && t < lostTo;
        samples.append({sequence++, t, lost ? std::nullopt : std::optional<qint64>(400)});
    }
    return samples;
}

bool near(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) < 24 && std::abs(a.green() - b.green()) < 24 &&
           std::abs(a.blue() - b.blue()) < 24;
}

// The colour in the strip's upper third at a time: clear of tick marks (whole seconds get them,
// so the tests look at half seconds) and of the outage's text in the middle.
QColor colourAt(const TimelineWidget& widget, const QImage& image, qint64 timeMs)
{
    const double scale = image.devicePixelRatio();
    const int x = static_cast<int>(widget.xFor(timeMs) * scale);
    const int y = static_cast<int>((widget.stripRect().top() + widget.stripRect().height() / 4) * scale);
    return image.pixelColor(x, y);
}
} // namespace

class TestTimelineWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsLossRedAndAnswersGreen()
    {
        TimelineWidget widget;
        widget.resize(600, 30);
        // Answered for the whole minute but for 10 s, from 35 s ago to 25 s ago.
        widget.setSamples(echoes(Now - 60'000, Now - 1000, Now - 35'000, Now - 25'000), Now);
        const QImage image = widget.grab().toImage();
        for (const qint64 ago : {34'500, 30'500, 25'500})
            QVERIFY2(
                near(colourAt(widget, image, Now - ago), TimelineWidget::lostColor()),
                qPrintable(
                    QStringLiteral("%1 ms ago: %2").arg(ago).arg(colourAt(widget, image, Now - ago).name())));
        for (const qint64 ago : {55'500, 36'500, 23'500, 2'500})
            QVERIFY2(
                near(colourAt(widget, image, Now - ago), TimelineWidget::answeredColor()),
                qPrintable(
                    QStringLiteral("%1 ms ago: %2").arg(ago).arg(colourAt(widget, image, Now - ago).name())));
        // The last second has no result yet (replies may still come): unknown.
        QVERIFY(near(colourAt(widget, image, Now - 500), TimelineWidget::unknownColor()));
    }

    void theRightEdgeIsNow()
    {
        TimelineWidget widget;
        widget.resize(600, 30);
        widget.setSamples({}, Now);
        QCOMPARE(widget.xFor(Now), 600.0);
        QCOMPARE(widget.xFor(Now - 60'000), 0.0);
        QCOMPARE(widget.xFor(Now - 30'000), 300.0);
        // As time passes the same loss moves left.
        const QList<ProbeSample> samples = echoes(Now - 20'000, Now - 10'000, Now - 20'000, Now - 10'000);
        widget.setSamples(samples, Now);
        QImage image = widget.grab().toImage();
        QVERIFY(near(colourAt(widget, image, Now - 15'500), TimelineWidget::lostColor()));
        widget.setNow(Now + 20'000);
        image = widget.grab().toImage();
        QVERIFY(near(colourAt(widget, image, Now - 15'500), TimelineWidget::lostColor()));
        QCOMPARE(widget.xFor(Now - 15'500), 600.0 * (60'000 - 35'500) / 60'000);
        // Older than a minute: gone off the left edge, the strip there is unknown.
        widget.setNow(Now + 60'000);
        image = widget.grab().toImage();
        QVERIFY(near(colourAt(widget, image, Now + 500), TimelineWidget::unknownColor()));
    }

    void gapsStayUnknown()
    {
        TimelineWidget widget;
        widget.resize(600, 30);
        QList<ProbeSample> samples = echoes(Now - 50'000, Now - 40'000, 0, 0);
        samples += echoes(Now - 20'000, Now - 10'000, 0, 0); // nothing probed in between
        widget.setSamples(samples, Now);
        const QImage image = widget.grab().toImage();
        QVERIFY(near(colourAt(widget, image, Now - 45'500), TimelineWidget::answeredColor()));
        QVERIFY(near(colourAt(widget, image, Now - 30'500), TimelineWidget::unknownColor()));
        QVERIFY(near(colourAt(widget, image, Now - 15'500), TimelineWidget::answeredColor()));
    }

    void labelsGoBelowTheStrip()
    {
        TimelineWidget widget;
        widget.setLabelsVisible(true);
        widget.resize(600, widget.sizeHint().height());
        QCOMPARE(widget.stripRect().height(), TimelineWidget::StripHeight);
        QVERIFY(widget.height() > TimelineWidget::StripHeight);
        widget.setSamples(echoes(Now - 60'000, Now, Now - 10'000, Now), Now);
        const QImage image = widget.grab().toImage();
        QVERIFY(near(colourAt(widget, image, Now - 5'500), TimelineWidget::lostColor()));
    }

    void clockTimesKeepTheirRoomWhenTheNoticeWraps()
    {
        // The window's splitter sizes the panel by its minimum height: a long probe notice wrapped
        // into several lines must not squeeze the rows and cut off the times under the last strip.
        ReachabilityTracker tracker;
        tracker.setTargets({{QStringLiteral("VIP"), QHostAddress(QStringLiteral("192.0.2.10"))},
                            {QStringLiteral("node1"), QHostAddress(QStringLiteral("192.0.2.11"))},
                            {QStringLiteral("node2"), QHostAddress(QStringLiteral("192.0.2.12"))}});
        QSplitter splitter(Qt::Vertical);
        splitter.setChildrenCollapsible(false);
        auto* panel = new ReachabilityPanel(&tracker);
        splitter.addWidget(panel);
        splitter.addWidget(new QTextEdit);
        splitter.setStretchFactor(0, 0);
        splitter.setStretchFactor(1, 1);
        panel->rebuild();
        panel->setProbeMethod(
            IcmpProber::Method::PingProcess, 100,
            QStringLiteral("Using the system's ping, one process per address. ").repeated(8));
        splitter.resize(700, 500);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        QCoreApplication::processEvents();
        const TimelineWidget* last = panel->timeline(2);
        QVERIFY(last->labelsVisible());
        QTRY_VERIFY2(last->height() >= last->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("the last strip is %1 px high, its times need %2")
                                    .arg(last->height())
                                    .arg(last->minimumSizeHint().height())));
    }

    void trackerReportsOutages()
    {
        // The rows' logic under the timeline: down after three losses, back with the outage's length.
        ReachabilityTracker tracker;
        const QHostAddress vip(QStringLiteral("192.0.2.10"));
        tracker.setTargets({{QStringLiteral("VIP"), vip}});
        QSignalSpy down(&tracker, &ReachabilityTracker::wentDown);
        QSignalSpy back(&tracker, &ReachabilityTracker::cameBack);
        tracker.addSample(QHostAddress(QStringLiteral("192.0.2.99")), {1, Now, 100}); // not a target
        QCOMPARE(tracker.state(0), ProbeHistory::State::Unknown);
        for (const ProbeSample& s : echoes(Now, Now + 5000, Now + 2000, Now + 3300))
            tracker.addSample(vip, s);
        QCOMPARE(down.count(), 1);
        QCOMPARE(down.first().at(1).toLongLong(), Now + 2000);
        QCOMPARE(back.count(), 1);
        QCOMPARE(back.first().at(1).toLongLong(), 1300);
        QCOMPARE(tracker.state(0), ProbeHistory::State::Up);
        // Two losses in a row are not an outage.
        for (const ProbeSample& s : echoes(Now + 5000, Now + 6000, Now + 5200, Now + 5400))
            tracker.addSample(vip, s);
        QCOMPARE(down.count(), 1);
    }
};

QTEST_MAIN(TestTimelineWidget)
#include "TestTimelineWidget.moc"
