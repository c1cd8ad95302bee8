// SPDX-License-Identifier: GPL-3.0-or-later
// peer_notifier: plays the partner agent (or an impostor) on the peer link for the netns tests. It
// dials a peer listener with the certificate it is given, says hello, sends one alive message and
// then a link-lost notice it may have tampered with (an old time, another connection's nonce, sent
// twice), and prints what came back, one line each:
//   verdict SEQ VERDICT   the listener's answer to a notice
//   refused PROBLEM       the listener refused the connection (e.g. not-partner)
//   closed WHY            the connection ended otherwise
// Exit status 0 when it got as far as answers or a refusal, 2 on bad arguments.
#include "control/ControlFrame.h"
#include "net/Ipv4.h"
#include "peer/PeerMessage.h"
#include "peer/PeerProtocol.h"
#include "pki/TlsIdentity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSslSocket>

#include <cstdio>
#include <memory>

using namespace baton;

namespace {
constexpr int WaitMs = 5000;

int usage(const QString& what)
{
    std::fprintf(stderr, "peer_notifier: %s\n", qPrintable(what));
    return 2;
}

void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// One connection to the listener, read synchronously (a test tool: no event loop to share).
class Link
{
public:
    Link(const QSslConfiguration& tls, const QString& host, quint16 port)
        : m_decoder(peer::MaxPayload)
    {
        m_socket.setSslConfiguration(tls);
        m_socket.connectToHostEncrypted(host, port);
    }

    bool up()
    {
        if (!m_socket.waitForEncrypted(WaitMs)) {
            m_ended = QStringLiteral("closed %1").arg(m_socket.errorString());
            return false;
        }
        send(PeerMessage::hello(QStringLiteral("peer_notifier")));
        const std::optional<PeerMessage> hello = next();
        if (!hello || hello->type != PeerMessage::Type::Hello)
            return false;
        m_nonce = hello->nonce;
        return true;
    }
    void send(const PeerMessage& message) { sendRaw(ControlFrame::encode(message.toCbor())); }
    void sendRaw(const QByteArray& frame)
    {
        m_socket.write(frame);
        m_socket.flush();
    }
    // The next message, or none (then ended() says why); a refusal is reported and ends it.
    std::optional<PeerMessage> next()
    {
        while (true) {
            if (const std::optional<QCborMap> map = m_decoder.next()) {
                const std::optional<PeerMessage> m = PeerMessage::fromCbor(*map);
                if (m && m->type == PeerMessage::Type::Refused) {
                    m_ended = QStringLiteral("refused %1").arg(m->verdict);
                    return std::nullopt;
                }
                return m;
            }
            if (!m_socket.waitForReadyRead(WaitMs)) {
                if (m_ended.isEmpty())
                    m_ended = QStringLiteral("closed %1").arg(m_socket.errorString());
                return std::nullopt;
            }
            m_decoder.feed(m_socket.readAll());
        }
    }
    qint64 nonce() const { return m_nonce; }
    const QString& ended() const { return m_ended; }

private:
    QSslSocket m_socket;
    ControlFrame m_decoder;
    qint64 m_nonce = 0;
    QString m_ended;
};
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    auto option = [&parser](const char* name, const char* help, const char* value = nullptr) {
        const QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                                   value ? QString::fromLatin1(value) : QString());
        parser.addOption(o);
        return o;
    };
    const auto ca = option("ca", "the cluster CA certificate", "file");
    const auto cert = option("cert", "the certificate to present", "file");
    const auto key = option("key", "its key", "file");
    const auto to = option("to", "the peer listener", "address:port");
    const auto vhid = option("vhid", "the notice's vhid", "n");
    const auto source = option("source", "the notice's CARP source address", "ip");
    const auto vip = option("vip", "the notice's VIP", "ip");
    const auto age = option("age-ms", "date the notice this far back", "ms");
    const auto repeat = option("repeat", "send the very same notice twice");
    const auto oldNonce =
        option("old-nonce", "send the notice on a second connection with the first one's nonce");
    parser.process(app);

    QString error;
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadFiles(parser.value(ca), parser.value(cert), parser.value(key), &error);
    if (!identity)
        return usage(error);
    const QString target = parser.value(to);
    const qsizetype colon = target.lastIndexOf(u':');
    const QString host = target.left(colon);
    const auto port = static_cast<quint16>(target.mid(colon + 1).toUInt());
    const auto sourceAddress = Ipv4::parse(parser.value(source));
    const auto vipAddress = Ipv4::parse(parser.value(vip));
    if (colon <= 0 || port == 0 || !sourceAddress || !vipAddress || parser.value(vhid).toInt() <= 0)
        return usage(QStringLiteral("--to, --vhid, --source and --vip are needed"));

    auto link = std::make_unique<Link>(identity->clientConfiguration(), host, port);
    if (!link->up()) {
        say(link->ended());
        return 0;
    }
    qint64 nonce = link->nonce();
    if (parser.isSet(oldNonce)) {
        link = std::make_unique<Link>(identity->clientConfiguration(), host, port);
        if (!link->up()) {
            say(link->ended());
            return 0;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The listener measures our clock from this before it judges a notice's age.
    link->send(PeerMessage::alive(link->nonce(), 1, now));
    if (!link->next()) {
        say(link->ended());
        return 0;
    }
    const PeerMessage notice =
        PeerMessage::linkLost(nonce, 2, now - parser.value(age).toLongLong(), parser.value(vhid).toInt(),
                              *sourceAddress, {*vipAddress});
    const QByteArray frame = ControlFrame::encode(notice.toCbor());
    for (int copy = 0; copy < (parser.isSet(repeat) ? 2 : 1); ++copy) {
        link->sendRaw(frame);
        const std::optional<PeerMessage> answer = link->next();
        if (!answer) {
            say(link->ended());
            return 0;
        }
        say(QStringLiteral("verdict %1 %2").arg(answer->seq).arg(answer->verdict));
    }
    return 0;
}
