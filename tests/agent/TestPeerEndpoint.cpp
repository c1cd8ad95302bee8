// SPDX-License-Identifier: GPL-3.0-or-later
// The peer link's end in-process, unprivileged, on loopback: two PeerEndpoints as the two agents
// of a pair (certificates from a throw-away CA naming 127.0.0.1), both on this one thread, so
// everything goes through signals and QTRY_*. What the netns test cannot reach cheaply: a notice's
// fields and its verdict's way back, an impostor's certificate seen from both ends, a partner that
// stops.
#include "FakePki.h"
#include "PeerEndpoint.h"
#include "peer/PeerProtocol.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
constexpr int GenerousMs = 10000;

struct Directions
{
    QString to;
    QString from;
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// One agent's end: listening on `port` of loopback, dialling `partnerPort` there.
class End
{
public:
    End(const TlsIdentity& identity, quint16 port, quint16 partnerPort, const QString& dialProblem = {})
    {
        const QHostAddress loopback(QHostAddress::LocalHost);
        PeerConnection::Setup dial{identity.clientConfiguration(), QStringLiteral("dialler"), loopback,
                                   partnerPort, nullptr};
        PeerConnection::Setup accept{identity.serverConfiguration(), QStringLiteral("listener"), loopback, 0,
                                     nullptr};
        endpoint = std::make_unique<PeerEndpoint>(dial, accept, QSet<QByteArray>{}, dialProblem);
        QObject::connect(endpoint.get(), &PeerEndpoint::directionsChanged, endpoint.get(),
                         [this](const QString& to, const QString& from, bool, qint64) {
                             seen = {to, from};
                         });
        QObject::connect(endpoint.get(), &PeerEndpoint::notice, endpoint.get(),
                         [this](const PeerNotice& n) { notices << n; });
        QObject::connect(endpoint.get(), &PeerEndpoint::verdictHeard, endpoint.get(),
                         [this](const QString& verdict, qint64) { verdicts << verdict; });
        listening = endpoint->listen(loopback, port);
    }
    bool is(const char* to, const char* from) const
    {
        return seen.to == QLatin1StringView(to) && seen.from == QLatin1StringView(from);
    }

    std::unique_ptr<PeerEndpoint> endpoint;
    bool listening = false;
    Directions seen;
    QList<PeerNotice> notices;
    QStringList verdicts;
};

// Two ends dialling each other, started.
struct Pair
{
    Pair(const TlsIdentity& first, const TlsIdentity& second)
    {
        const quint16 aPort = freePort();
        const quint16 bPort = freePort();
        a = std::make_unique<End>(first, aPort, bPort);
        b = std::make_unique<End>(second, bPort, aPort);
        a->endpoint->begin();
        b->endpoint->begin();
    }
    bool listening() const { return a->listening && b->listening; }

    std::unique_ptr<End> a;
    std::unique_ptr<End> b;
};
} // namespace

class TestPeerEndpoint : public QObject
{
    Q_OBJECT

    FakePki m_pki;
    std::optional<TlsIdentity> m_node1;
    std::optional<TlsIdentity> m_node2;
    std::optional<TlsIdentity> m_impostor; // an agent of the same CA for another address

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        m_node1 = m_pki.agent(QStringLiteral("node1"));
        m_node2 = m_pki.agent(QStringLiteral("node2"));
        m_impostor = m_pki.agent(QStringLiteral("node3"), {QStringLiteral("127.0.0.3")});
        QVERIFY(m_node1 && m_node2 && m_impostor);
    }

    void upBothWaysThenNoticeAndVerdict()
    {
        Pair p(*m_node1, *m_node2);
        QVERIFY(p.listening());
        QTRY_VERIFY_WITH_TIMEOUT(p.a->is("up", "up") && p.b->is("up", "up"), GenerousMs);
        p.a->endpoint->tellLinkLost(7, 0xC000020B, {0xC0000214, 0xC000020A});
        QTRY_COMPARE_WITH_TIMEOUT(p.b->notices.size(), 1, GenerousMs);
        const PeerNotice n = p.b->notices.first();
        QCOMPARE(n.message.type, PeerMessage::Type::LinkLost);
        QCOMPARE(n.message.vhid, 7);
        QCOMPARE(n.message.source, 0xC000020Bu);
        QCOMPARE(n.message.vips, (QList<quint32>{0xC000020A, 0xC0000214}));
        QVERIFY(n.offsetMs.has_value()); // the alive before it gave the clocks' offset
        QVERIFY(std::abs(*n.offsetMs) < 1000);
        QVERIFY(std::abs(n.receivedMs - n.message.timeMs) < 1000);
        p.b->endpoint->answer(n.connection, n.message.seq, QStringLiteral("taken-over"));
        QTRY_COMPARE_WITH_TIMEOUT(p.a->verdicts, QStringList{QStringLiteral("taken-over")}, GenerousMs);
        QVERIFY(p.a->notices.isEmpty()); // only the one that lost its link talks
    }

    void impostorRefusedBothWays()
    {
        // node1 expects its partner at 127.0.0.1; node3's certificate names 127.0.0.3 only. node3
        // dialling node1 is refused by node1; node1 dialling node3 refuses it itself (Qt's name check).
        Pair p(*m_node1, *m_impostor);
        QVERIFY(p.listening());
        QTRY_VERIFY_WITH_TIMEOUT(p.a->seen.to == QLatin1StringView(peer::problem::HandshakeFailed) &&
                                     p.b->seen.to == QLatin1StringView(peer::problem::NotPartner),
                                 GenerousMs);
        QCOMPARE(p.a->seen.from, QString(peer::problem::NotPartner));
        p.b->endpoint->tellLinkLost(1, 1, {2});
        QTest::qWait(200);
        QVERIFY(p.a->notices.isEmpty());
    }

    void partnerStopping()
    {
        Pair p(*m_node1, *m_node2);
        QVERIFY(p.listening());
        QTRY_VERIFY_WITH_TIMEOUT(p.a->is("up", "up"), GenerousMs);
        p.b->endpoint->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(p.a->seen.to != u"up" &&
                                     p.a->seen.from == QLatin1StringView(peer::problem::NotCalling),
                                 GenerousMs);
        QSignalSpy told(p.a->endpoint.get(), &PeerEndpoint::told);
        p.a->endpoint->tellLinkLost(1, 1, {2});
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().at(1).toBool(), false); // nobody to tell: CARP's timing decides
    }

    void certificateNotForClient()
    {
        // An end that cannot dial still listens, and says why it cannot tell its partner.
        const quint16 bPort = freePort();
        End b(*m_node2, bPort, freePort());
        End a(*m_node1, freePort(), bPort, QString(peer::problem::NotForClient));
        QVERIFY(a.listening && b.listening);
        a.endpoint->begin();
        QTRY_VERIFY_WITH_TIMEOUT(a.seen.to == QLatin1StringView(peer::problem::NotForClient), GenerousMs);
        QTest::qWait(300);
        QCOMPARE(a.seen.to, QString(peer::problem::NotForClient));
    }
};

QTEST_GUILESS_MAIN(TestPeerEndpoint)
#include "TestPeerEndpoint.moc"
