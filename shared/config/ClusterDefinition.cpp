// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterDefinition.h"

#include "BoundedFile.h"
#include "ValueParsers.h"

#include <QJsonArray>
#include <QtEndian>

#include <cmath>

namespace baton {

namespace {

constexpr qsizetype MaxNameLength = 64;

QString nodeField(int index, const char* field)
{
    return QStringLiteral("nodes[%1].%2").arg(index).arg(QLatin1StringView(field));
}

// Reads typed fields out of a JSON object, remembering the first problem with its field path.
class JsonFields
{
public:
    JsonFields(const QJsonObject& object, QString prefix, QString* error)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }

    QString string(const char* key, bool required)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString())
            fail(key, QStringLiteral("expected a string"));
        return value.toString();
    }

    template <typename T>
    T integer(const char* key, qint64 max, std::optional<T> fallback)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        if (value.isUndefined() && fallback)
            return *fallback;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > static_cast<double>(max) ||
            std::floor(number) != number) {
            fail(key, QStringLiteral("expected an integer 0-%1").arg(max));
            return T{};
        }
        return static_cast<T>(number);
    }

    bool boolean(const char* key, bool fallback)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(key, QStringLiteral("expected true or false"));
        return value.toBool();
    }

    quint32 address(const char* key)
    {
        const QString text = string(key, true);
        const auto parsed = Ipv4::parse(text);
        if (m_ok && !parsed)
            fail(key, ValueParsers::expected(QStringLiteral("an IPv4 address like 192.0.2.11"), text));
        return parsed.value_or(0);
    }

    Ipv4Prefix prefix(const char* key)
    {
        const QString text = string(key, true);
        const auto parsed = Ipv4Prefix::parse(text);
        if (m_ok && !parsed)
            fail(key,
                 ValueParsers::expected(QStringLiteral("an address with prefix like 192.0.2.10/24"), text));
        return parsed.value_or(Ipv4Prefix{});
    }

    void fail(const char* key, const QString& message)
    {
        if (m_ok)
            *m_error = m_prefix + QLatin1StringView(key) + QStringLiteral(": ") + message;
        m_ok = false;
    }

private:
    const QJsonObject m_object;
    const QString m_prefix;
    QString* m_error;
    bool m_ok = true;
};

bool isCleanText(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return false;
    return true;
}

} // namespace

QString ClusterDefinition::Node::agentHost() const
{
    return agentAddress.isEmpty() ? Ipv4::toString(address) : agentAddress;
}

std::optional<ClusterDefinition> ClusterDefinition::fromJson(const QJsonObject& json, QString* error)
{
    QString ignored;
    QString* message = error ? error : &ignored;
    ClusterDefinition d;
    JsonFields fields(json, QString(), message);
    d.name = fields.string("name", true);
    d.vip = fields.prefix("vip");
    d.vhid = fields.integer<quint8>("vhid", 255, std::nullopt);
    d.password = fields.string("password", true);
    d.advbase = fields.integer<quint8>("advbase", 255, quint8{1});
    d.preempt = fields.boolean("preempt", false);
    d.deadratio = fields.integer<quint32>("deadratio", 1'000'000, quint32{3});
    d.pkiDir = fields.string("pkiDir", false);
    d.console = fields.string("console", false);
    const QJsonValue nodes = json.value(QStringLiteral("nodes"));
    if (fields.ok() && (!nodes.isArray() || nodes.toArray().size() != 2))
        fields.fail("nodes", QStringLiteral("expected an array of exactly two nodes"));
    if (!fields.ok())
        return std::nullopt;
    for (int i = 0; i < 2; ++i) {
        const QJsonValue value = nodes.toArray().at(i);
        JsonFields node(value.toObject(), QStringLiteral("nodes[%1].").arg(i), message);
        if (!value.isObject()) {
            *message = QStringLiteral("nodes[%1]: expected an object").arg(i);
            return std::nullopt;
        }
        Node& n = d.nodes[static_cast<std::size_t>(i)];
        n.name = node.string("name", true);
        n.address = node.address("address");
        n.agentAddress = node.string("agentAddress", false);
        n.agentPort = node.integer<quint16>("agentPort", 65535, DefaultAgentPort);
        n.interface = node.string("interface", true);
        n.advskew = node.integer<quint8>("advskew", 255, quint8{0});
        d.ssh[static_cast<std::size_t>(i)] = node.string("ssh", false);
        if (!node.ok())
            return std::nullopt;
    }
    return d;
}

QJsonObject ClusterDefinition::toJson() const
{
    QJsonArray nodeArray;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        QJsonObject node{
            {QStringLiteral("name"), n.name},
            {QStringLiteral("address"), Ipv4::toString(n.address)},
            {QStringLiteral("agentAddress"), n.agentAddress},
            {QStringLiteral("agentPort"), n.agentPort},
            {QStringLiteral("interface"), n.interface},
            {QStringLiteral("advskew"), n.advskew},
        };
        if (!ssh[i].isEmpty())
            node.insert(QStringLiteral("ssh"), ssh[i]);
        nodeArray.append(node);
    }
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("vip"), vip.toString()},
        {QStringLiteral("vhid"), vhid},
        {QStringLiteral("password"), password},
        {QStringLiteral("advbase"), advbase},
        {QStringLiteral("preempt"), preempt},
        {QStringLiteral("deadratio"), static_cast<qint64>(deadratio)},
        {QStringLiteral("pkiDir"), pkiDir},
        {QStringLiteral("console"), console},
        {QStringLiteral("nodes"), nodeArray},
    };
}

ConfigErrors ClusterDefinition::validate() const
{
    ConfigErrors errors;
    const auto add = [&errors](const QString& field, const QString& message) {
        errors.append({QString(), 0, field, message});
    };
    QString problem;
    if (name.trimmed().isEmpty() || name.size() > MaxNameLength || !isCleanText(name))
        add(QStringLiteral("name"),
            ValueParsers::expected(QStringLiteral("a name of 1-64 characters"), name));
    if (!ValueParsers::vipPrefix(vip.toString(), &problem))
        add(QStringLiteral("vip"), problem);
    else if (vip.prefixLength <= 30) {
        const quint32 host = ~(0xFFFFFFFFu << (32 - vip.prefixLength));
        if ((vip.address & host) == 0 || (vip.address & host) == host)
            add(QStringLiteral("vip"),
                QStringLiteral("%1 is the network or broadcast address of its subnet").arg(vip.toString()));
    }
    if (vhid < 1)
        add(QStringLiteral("vhid"), QStringLiteral("expected an integer 1-255, got '%1'").arg(vhid));
    problem.clear();
    if (!ValueParsers::password(password, &problem))
        add(QStringLiteral("password"), problem);
    if (advbase > 254)
        add(QStringLiteral("advbase"), QStringLiteral("expected an integer 0-254, got '%1'").arg(advbase));
    if (deadratio < 1 || deadratio > 100)
        add(QStringLiteral("deadratio"),
            QStringLiteral("expected an integer 1-100, got '%1'").arg(deadratio));
    if (!pkiDir.isEmpty() && !pkiDir.startsWith(u'/'))
        add(QStringLiteral("pkiDir"),
            ValueParsers::expected(QStringLiteral("an absolute path or nothing"), pkiDir));
    validateNode(0, errors);
    validateNode(1, errors);
    const Node& first = nodes[0];
    const Node& second = nodes[1];
    if (!first.name.isEmpty() && first.name == second.name)
        add(nodeField(1, "name"), QStringLiteral("'%1' is also the name of nodes[0]").arg(second.name));
    if (first.address != 0 && first.address == second.address)
        add(nodeField(1, "address"),
            QStringLiteral("%1 is also the address of nodes[0]").arg(Ipv4::toString(second.address)));
    return errors;
}

void ClusterDefinition::validateNode(int index, ConfigErrors& errors) const
{
    const Node& n = nodes[static_cast<std::size_t>(index)];
    const auto add = [&errors, index](const char* field, const QString& message) {
        errors.append({QString(), 0, nodeField(index, field), message});
    };
    QString problem;
    if (n.name.trimmed().isEmpty() || n.name.size() > MaxNameLength || !isCleanText(n.name))
        add("name", ValueParsers::expected(QStringLiteral("a name of 1-64 characters"), n.name));
    // Against a VIP that is itself wrong, every node would look misplaced: one error is enough.
    const bool vipValid = ValueParsers::vipPrefix(vip.toString(), &problem).has_value();
    problem.clear();
    const QString address = Ipv4::toString(n.address);
    const quint32 mask = vip.prefixLength >= 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> vip.prefixLength);
    if (!ValueParsers::unicastAddress(address, &problem))
        add("address", problem);
    else if (n.address == vip.address)
        add("address", QStringLiteral("%1 is the VIP; each node needs an address of its own").arg(address));
    else if (vipValid && vip.prefixLength < 32 && (n.address & mask) != (vip.address & mask))
        add("address", QStringLiteral("%1 is outside the VIP's subnet %2/%3")
                           .arg(address, Ipv4::toString(vip.address & mask))
                           .arg(vip.prefixLength));
    bool agentValid = n.agentAddress.size() <= 253 && isCleanText(n.agentAddress);
    for (const QChar c : n.agentAddress)
        agentValid = agentValid && !c.isSpace();
    if (!agentValid)
        add("agentAddress",
            ValueParsers::expected(QStringLiteral("a host name or address, or nothing"), n.agentAddress));
    if (n.agentPort == 0)
        add("agentPort", QStringLiteral("expected an integer 1-65535, got '0'"));
    // Handed to ~/.ssh/config's lookup as one word: no spaces, no option-like leading dash.
    const QString& server = ssh[static_cast<std::size_t>(index)];
    bool sshValid = server.size() <= 300 && isCleanText(server) && !server.startsWith(u'-');
    for (const QChar c : server)
        sshValid = sshValid && !c.isSpace();
    if (!sshValid)
        add("ssh",
            ValueParsers::expected(
                QStringLiteral("an alias of ~/.ssh/config or [user@]host[:port], or nothing"), server));
    problem.clear();
    if (!ValueParsers::interfaceName(n.interface, &problem))
        add("interface", problem);
    if (n.advskew > 254)
        add("advskew", QStringLiteral("expected an integer 0-254, got '%1'").arg(n.advskew));
    else if (advbase == 0 && n.advskew == 0)
        add("advskew",
            QStringLiteral("advbase is 0, so advskew must be at least 1 (the advert interval would be "
                           "zero)"));
}

QStringList ClusterDefinition::advisories() const
{
    QStringList notes;
    const Node& a = nodes[0];
    const Node& b = nodes[1];
    if (a.advskew == b.advskew) {
        // ucarp on x86 compares addresses byte-swapped (last octet first), and batond ranks the same.
        const Node& winner = qbswap(a.address) <= qbswap(b.address) ? a : b;
        notes.append(QStringLiteral("both nodes have advskew %1, so the tie is decided by address: '%2' (%3) "
                                    "wins, its address ranking lower (last octet first, as ucarp on x86)")
                         .arg(a.advskew)
                         .arg(winner.name, Ipv4::toString(winner.address)));
        if (preempt)
            notes.append(
                QStringLiteral("preempt has no effect while both nodes advertise the same interval"));
    }
    if (vip.prefixLength == 32)
        notes.append(QStringLiteral("the VIP is a /32, so the node addresses cannot be checked against its "
                                    "subnet"));
    return notes;
}

std::optional<ClusterDefinition> ClusterDefinition::readFile(const QString& path, QString* error)
{
    QString problem;
    std::optional<ClusterDefinition> cluster;
    if (const auto text = BoundedFile::read(path, MaxFileBytes, &problem)) {
        if (const auto json = BoundedFile::jsonObject(*text, &problem))
            cluster = fromJson(*json, &problem);
        if (!cluster)
            problem = QStringLiteral("%1: %2").arg(path, problem);
    }
    if (!cluster && error)
        *error = problem;
    return cluster;
}

} // namespace baton
