// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerDeployment.h"

#include "DeployStep.h"
#include "ServerLogin.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QThread>

namespace baton {

namespace {

constexpr int ShortMs = 30000;
constexpr int AptMs = 300000;
constexpr int ReconnectAttempts = 5;
const QString BackupRoot = QStringLiteral("/var/backups/baton-deploy");
const QString Cache = QStringLiteral("/var/cache/baton-deploy");
const QString TakeoverRecord = QStringLiteral("/var/backups/baton-takeover");

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString q(const QString& text)
{
    return QString::fromUtf8(RemoteHost::quote(text));
}

// A root command of step that ran and failed, with the end of its output.
QString failedText(const QString& step, const QString& server, const CommandResult& result)
{
    return ServerDeployment::tr("%1 on %2 failed (exit status %3):\n%4")
        .arg(DeployStep::name(step), server)
        .arg(result.exitStatus)
        .arg(result.tail());
}

} // namespace

ServerDeployment::ServerDeployment(const SshTarget& target, QString server, DeployPrompter& prompter,
                                   const std::atomic_bool* cancel, Reporter reporter, QString runId)
    : m_target(target)
    , m_server(std::move(server))
    , m_prompter(prompter)
    , m_cancel(cancel)
    , m_report(std::move(reporter))
    , m_runId(std::move(runId))
{
}

ServerDeployment::~ServerDeployment() = default;

bool ServerDeployment::step(const QString& name, const QString& detail)
{
    m_report(m_server, DeployStep::name(name), detail);
    return !(m_cancel && m_cancel->load());
}

bool ServerDeployment::open(QString* error)
{
    return ServerLogin::open(
        m_target, m_server, m_prompter, m_cancel,
        [this](const QString& name, const QString& detail) { step(name, detail); }, m_session, m_host, error);
}

bool ServerDeployment::gatherFacts(QString* error)
{
    step(QStringLiteral("facts"), QString());
    const auto result = m_host->root(RemoteFacts::script(), ShortMs, error);
    if (!result)
        return false;
    const auto facts = RemoteFacts::parse(result->out, error);
    if (!facts) {
        *error = QStringLiteral("%1: %2 %3").arg(m_server, *error, result->tail(4));
        return false;
    }
    m_facts = *facts;
    for (const QString& line : m_facts.describe())
        step(QStringLiteral("facts"), line);
    return true;
}

std::optional<CommandResult> ServerDeployment::root(const QString& stepName, const QString& script,
                                                    int timeoutMs, QString* error)
{
    auto result = m_host->root(script, timeoutMs, error);
    if (result && !result->ok()) {
        *error = failedText(stepName, m_server, *result);
        return std::nullopt;
    }
    if (!result)
        *error = tr("%1 on %2: %3").arg(DeployStep::name(stepName), m_server, *error);
    return result;
}

bool ServerDeployment::uploadChecked(const QString& stepName, const QString& name, const QByteArray& data,
                                     QString* error)
{
    const QString path = m_staging + u'/' + name;
    if (!m_session->upload(data, path, 0600, error))
        return false; // the step is named by whoever reports the failure
    const auto sum = m_host->user(QStringLiteral("sha256sum < %1").arg(q(path)), ShortMs, error);
    if (!sum)
        return false;
    const QString remote = QString::fromLatin1(sum->out).section(u' ', 0, 0).trimmed();
    if (!sum->ok() || remote != sha256(data)) {
        *error = tr("%1: %2 arrived on %3 with SHA-256 %4, expected %5")
                     .arg(DeployStep::name(stepName), name, m_server,
                          remote.isEmpty() ? tr("(none)") : remote, sha256(data));
        return false;
    }
    return true;
}

bool ServerDeployment::prepare(QString* error)
{
    // The login user's upload folder, and a copy of everything that may be replaced.
    if (!step(QStringLiteral("prepare"), tr("backup in %1/%2").arg(BackupRoot, m_runId)))
        return false;
    const auto staging =
        m_host->user(QStringLiteral("umask 077; mktemp -d /var/tmp/baton-deploy.XXXXXXXX"), ShortMs, error);
    if (!staging || !staging->ok()) {
        if (staging)
            *error =
                tr("cannot create an upload folder in /var/tmp on %1: %2").arg(m_server, staging->tail(3));
        return false;
    }
    m_staging = QString::fromUtf8(staging->out).trimmed();
    m_changed = true;
    m_backedUp = true;
    m_prepared = true;
    const QString backup = BackupRoot + u'/' + m_runId;
    QStringList existing;
    for (const QString& file : RemoteFacts::managedFiles())
        if (m_facts.files.value(file).exists)
            existing << file;
    return root(QStringLiteral("prepare"),
                QStringLiteral("set -e; umask 077; mkdir -p %1; rm -rf %2; mkdir -p %2/debs; "
                               "tar -cpf %2/files.tar -T /dev/null %3; "
                               "if ls %4/*.deb >/dev/null 2>&1; then cp -p %4/*.deb %2/debs/; fi")
                    .arg(BackupRoot, q(backup), existing.join(u' '), Cache),
                ShortMs, error)
        .has_value();
}

bool ServerDeployment::recordTakeover(QString* error)
{
    if (m_facts.ucarpCommands.size() != 1) {
        *error = tr("%1 runs %2 ucarp processes; a takeover needs exactly one")
                     .arg(m_server)
                     .arg(m_facts.ucarpCommands.size());
        return false;
    }
    // ucarp's command holds its password: uploaded, never on a command line of ours.
    if (!uploadChecked(QStringLiteral("ucarp"), QStringLiteral("ucarp.command"),
                       m_facts.ucarpCommands.first().toUtf8(), error))
        return false;
    m_recorded = true;
    return root(QStringLiteral("ucarp"),
                QStringLiteral("set -e; umask 077; mkdir -p %1; cp -p /etc/network/interfaces %1/interfaces; "
                               "install -m 0600 %2 %1/ucarp.command; "
                               "printf 'user=%3\\ngroup=%4\\n' > %1/state")
                    .arg(TakeoverRecord, q(m_staging + QStringLiteral("/ucarp.command")),
                         m_facts.batonUserExists ? QStringLiteral("yes") : QStringLiteral("no"),
                         m_facts.batonGroupExists ? QStringLiteral("yes") : QStringLiteral("no")),
                ShortMs, error)
        .has_value();
}

bool ServerDeployment::stopUcarp(QString* error)
{
    m_ucarpStopped = true;
    // As BACKUP ucarp sends nothing and holds nothing: stopping it costs the pair nothing.
    return root(QStringLiteral("ucarp"),
                QStringLiteral("for p in $(pidof ucarp); do kill $p; done; "
                               "for i in $(seq 50); do pidof ucarp >/dev/null || exit 0; sleep 0.1; done; "
                               "echo 'ucarp did not stop within 5 s'; exit 1"),
                ShortMs, error)
        .has_value();
}

bool ServerDeployment::waitForAddress(const QString& address, bool present, int timeoutMs, QString* error)
{
    const QString step = QStringLiteral("address");
    const auto result =
        m_host->root(QStringLiteral("for i in $(seq %1); do if ip -4 -o addr show | grep -q ' %2/'; then "
                                    "[ %3 = yes ] && exit 0; else [ %3 = no ] && exit 0; fi; sleep 0.05; "
                                    "done; exit 1")
                         .arg(std::max(1, timeoutMs / 50))
                         .arg(address, present ? QStringLiteral("yes") : QStringLiteral("no")),
                     timeoutMs + ShortMs, error);
    if (!result) {
        *error = tr("%1 on %2: %3").arg(DeployStep::name(step), m_server, *error);
        return false;
    }
    if (result->exitStatus == 1) // the loop's end: the address stayed as it was
        *error = (present ? tr("%1 did not take the address %2 within %3 s")
                          : tr("%1 did not give up the address %2 within %3 s"))
                     .arg(m_server, address)
                     .arg(timeoutMs / 1000);
    else if (!result->ok())
        *error = failedText(step, m_server, *result);
    return result->ok();
}

bool ServerDeployment::settle(const QByteArray& agentConfig, QString* error)
{
    step(QStringLiteral("settle"),
         tr("the cluster's own settings (a reload: the group hands the address over "
            "gracefully)"));
    if (!uploadChecked(QStringLiteral("settle"), QStringLiteral("batond.conf"), agentConfig, error))
        return false;
    return root(QStringLiteral("settle"),
                QStringLiteral("set -e; install -o root -g root -m 600 %1 /etc/baton/batond.conf; systemctl "
                               "reload batond")
                    .arg(q(m_staging + QStringLiteral("/batond.conf"))),
                ShortMs, error)
        .has_value();
}

bool ServerDeployment::undoTakeover(QString* error)
{
    step(QStringLiteral("undo"), tr("batond stopped and removed, ucarp started as it ran"));
    const bool ok =
        root(QStringLiteral("undo"),
             QStringLiteral("set -u; r=%1\n"
                            "[ -f $r/interfaces ] && [ -f $r/ucarp.command ] && [ -f $r/state ] || "
                            "{ echo \"no takeover record in $r\"; exit 1; }\n"
                            ". $r/state\n"
                            "systemctl stop batond 2>/dev/null\n"
                            "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q batond batonctl || exit 1\n"
                            "if [ $user = no ] && getent passwd baton >/dev/null; then userdel baton; fi\n"
                            "if [ $group = no ] && getent group baton >/dev/null; then groupdel baton; fi\n"
                            "rm -rf %2 %3\n"
                            "cp -p $r/interfaces /etc/network/interfaces || exit 1\n"
                            "setsid sh -c \"$(cat $r/ucarp.command)\" </dev/null >/dev/null 2>&1\n"
                            "for i in $(seq 20); do pidof ucarp >/dev/null && break; sleep 0.1; done\n"
                            "pidof ucarp >/dev/null || { echo 'ucarp did not start'; exit 1; }\n"
                            "rm -rf $r")
                 .arg(TakeoverRecord, Cache, BackupRoot),
             AptMs, error)
            .has_value();
    if (ok)
        step(QStringLiteral("undo"), tr("done: ucarp runs on %1 as before").arg(m_server));
    return ok;
}

bool ServerDeployment::apply(const DeployPlan& plan, const DesiredServer& desired,
                             const LocalPackages& packages, const Issuer& issuer, QString* failedStep,
                             QString* error)
{
    const auto failAt = [&](const QString& name) {
        *failedStep = name;
        if (m_cancel && m_cancel->load())
            *error = tr("cancelled by the administrator");
        return false;
    };
    if (!m_prepared && !prepare(error))
        return failAt(QStringLiteral("prepare"));
    if (m_takeover && !m_recorded) {
        if (!step(QStringLiteral("ucarp"),
                  tr("/etc/network/interfaces and ucarp's command kept in %1").arg(TakeoverRecord)) ||
            !recordTakeover(error))
            return failAt(QStringLiteral("ucarp"));
    }

    if (plan.installPackages) {
        const QString batondName = QFileInfo(packages.batondFile).fileName();
        const QString batonctlName = QFileInfo(packages.batonctlFile).fileName();
        if (!step(QStringLiteral("upload"),
                  QStringLiteral("%1, %2 (%3 KiB)")
                      .arg(batondName, batonctlName)
                      .arg((packages.batond.size() + packages.batonctl.size()) / 1024)) ||
            !uploadChecked(QStringLiteral("upload"), batondName, packages.batond, error) ||
            !uploadChecked(QStringLiteral("upload"), batonctlName, packages.batonctl, error))
            return failAt(QStringLiteral("upload"));
        if (!step(QStringLiteral("install"),
                  QStringLiteral("apt install ./%1 ./%2").arg(batondName, batonctlName)))
            return failAt(QStringLiteral("install"));
        m_packagesTouched = true;
        m_serviceTouched = true; // the package's scripts start or restart the unit
        if (!root(QStringLiteral("install"),
                  QStringLiteral("set -e; cd %1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
                                 "--allow-downgrades -o Dpkg::Options::=--force-confold ./%2 ./%3; "
                                 "mkdir -p -m 0700 %4; rm -f %4/*.deb; cp %2 %3 %4/")
                      .arg(q(m_staging), batondName, batonctlName, Cache),
                  AptMs, error))
            return failAt(QStringLiteral("install"));
    }

    // Files: uploaded to the login user's folder (never on a command line), installed by root.
    QStringList installs;
    QStringList shown;
    for (const DesiredServer::File& file : desired.files) {
        if (file.generated)
            continue;
        const auto planned =
            std::find_if(plan.files.begin(), plan.files.end(),
                         [&](const DeployPlan::PlannedFile& p) { return p.path == file.path; });
        if (planned == plan.files.end() || planned->change == DeployPlan::FileChange::Keep)
            continue;
        const QString name = QFileInfo(file.path).fileName();
        if (!step(QStringLiteral("configuration"), file.path) ||
            !uploadChecked(QStringLiteral("configuration"), name, file.contents, error))
            return failAt(QStringLiteral("configuration"));
        installs << QStringLiteral("install -o root -g root -m %1 %2 %3")
                        .arg(file.mode, q(m_staging + u'/' + name), q(file.path));
        shown << file.path;
    }
    if (!installs.isEmpty()) {
        m_filesTouched = true;
        if (!root(QStringLiteral("configuration"),
                  QStringLiteral("set -e; install -d -m 0755 /etc/baton; install -d -m 0700 /etc/baton/pki "
                                 "/var/lib/baton; ") +
                      installs.join(QStringLiteral("; ")),
                  ShortMs, error))
            return failAt(QStringLiteral("configuration"));
    }

    if (plan.newAgentKey) {
        if (!step(QStringLiteral("certificate"), tr("key made on %1, certificate signed here").arg(m_server)))
            return failAt(QStringLiteral("certificate"));
        m_filesTouched = true;
        const auto key = root(
            QStringLiteral("certificate"),
            QStringLiteral("set -e; install -d -m 0700 /etc/baton/pki; rm -f /etc/baton/pki/agent.key.new; "
                           "batonctl pki keygen /etc/baton/pki/agent.key.new"),
            ShortMs, error);
        if (!key)
            return failAt(QStringLiteral("certificate"));
        const auto certificate = issuer(key->out, error);
        if (!certificate ||
            !uploadChecked(QStringLiteral("certificate"), QStringLiteral("agent.pem"), *certificate, error))
            return failAt(QStringLiteral("certificate"));
        if (!root(QStringLiteral("certificate"),
                  QStringLiteral("set -e; install -o root -g root -m 0644 %1 /etc/baton/pki/agent.pem.new; "
                                 "mv /etc/baton/pki/agent.key.new /etc/baton/pki/agent.key; "
                                 "mv /etc/baton/pki/agent.pem.new /etc/baton/pki/agent.pem")
                      .arg(q(m_staging + QStringLiteral("/agent.pem"))),
                  ShortMs, error))
            return failAt(QStringLiteral("certificate"));
    }

    if (m_takeover && !m_ucarpStopped) {
        if (!step(QStringLiteral("ucarp"), tr("stopped (its ucarp-* lines are commented out)")) ||
            !stopUcarp(error))
            return failAt(QStringLiteral("ucarp"));
    }

    QString action;
    const bool filesChanged = !installs.isEmpty() || plan.newAgentKey;
    // The package's own scripts restart a running agent; a second restart only for new files.
    if (plan.service == DeployPlan::Service::Start ||
        (plan.service == DeployPlan::Service::Restart && (!plan.installPackages || filesChanged)))
        action = QStringLiteral("systemctl restart batond");
    else if (plan.service == DeployPlan::Service::Reload)
        action = QStringLiteral("systemctl reload batond");
    if (plan.enableUnit)
        action = QStringLiteral("systemctl enable --quiet batond") +
                 (action.isEmpty() ? QString() : u"; " + action);
    if (!action.isEmpty()) {
        if (!step(QStringLiteral("service"), action))
            return failAt(QStringLiteral("service"));
        m_serviceTouched = true;
        if (!root(QStringLiteral("service"),
                  QStringLiteral("%1; sleep 0.5; if [ \"$(systemctl is-active batond)\" != active ]; then "
                                 "systemctl status --no-pager batond | tail -n 3; journalctl -u batond -n 15 "
                                 "--no-pager -o cat; exit 1; fi")
                      .arg(action),
                  ShortMs, error))
            return failAt(QStringLiteral("service"));
    }
    return true;
}

QString ServerDeployment::agentJournal()
{
    QString error;
    const auto result =
        m_host ? m_host->root(QStringLiteral("journalctl -u batond -n 12 --no-pager -o cat"), ShortMs, &error)
               : std::nullopt;
    return result ? QString::fromUtf8(result->out).trimmed() : error;
}

bool ServerDeployment::reconnect(QString* error)
{
    if (m_session && m_session->isConnected())
        return true;
    for (int attempt = 1; attempt <= ReconnectAttempts; ++attempt) {
        step(QStringLiteral("reconnect"), tr("attempt %1 of %2").arg(attempt).arg(ReconnectAttempts));
        auto session = std::make_unique<SshSession>();
        // A rollback is not cancelled: it is what a cancellation asks for.
        if (session->connect(m_target, m_server, error) &&
            session->hostKeyState() == SshSession::HostKeyState::Known &&
            session->authenticate(m_prompter, error)) {
            m_session = std::move(session);
            m_host->rebind(*m_session);
            return true;
        }
        QThread::sleep(2);
    }
    return false;
}

bool ServerDeployment::rollback(QString* error)
{
    if (!m_changed)
        return true;
    step(QStringLiteral("rollback"), tr("back to the state found before"));
    if (m_session)
        m_session->setCancelFlag(nullptr);
    if (!reconnect(error)) {
        *error =
            tr("rollback on %1 impossible: no connection (%2). On the server, as root: %3")
                .arg(m_server, *error, tr("restore from %1/%2 (files.tar, debs/)").arg(BackupRoot, m_runId));
        return false;
    }
    m_session->setCancelFlag(nullptr);
    const QString backup = BackupRoot + u'/' + m_runId;
    QStringList script{QStringLiteral("set -u"), QStringLiteral("b=%1").arg(q(backup))};
    if (m_serviceTouched || m_packagesTouched || m_filesTouched)
        script << QStringLiteral("systemctl stop batond 2>/dev/null");
    if (m_packagesTouched) {
        const RemoteFacts::Package batond = m_facts.packages.value(QStringLiteral("batond"));
        const RemoteFacts::Package batonctl = m_facts.packages.value(QStringLiteral("batonctl"));
        QStringList purge;
        if (!batond.installed)
            purge << QStringLiteral("batond");
        if (!batonctl.installed)
            purge << QStringLiteral("batonctl");
        if (!purge.isEmpty())
            script << QStringLiteral("DEBIAN_FRONTEND=noninteractive apt-get purge -y -q %1 || exit 1")
                          .arg(purge.join(u' '));
        if (batond.installed || batonctl.installed)
            script << QStringLiteral(
                "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades "
                "-o Dpkg::Options::=--force-confold \"$b\"/debs/*.deb || exit 1");
        if (!m_facts.batonUserExists)
            script << QStringLiteral("if getent passwd baton >/dev/null; then userdel baton; fi");
        if (!m_facts.batonGroupExists)
            script << QStringLiteral("if getent group baton >/dev/null; then groupdel baton; fi");
    }
    if (m_backedUp) {
        // Exactly the files found before: those that were there come back from the copy, the rest go.
        QStringList absent;
        for (const QString& file : RemoteFacts::managedFiles())
            if (!m_facts.files.value(file).exists)
                absent << file;
        script << QStringLiteral("rm -f %1 /etc/baton/pki/agent.key.new /etc/baton/pki/agent.pem.new")
                      .arg(absent.join(u' '));
        script << QStringLiteral("tar -xpf \"$b\"/files.tar -C / || exit 1");
        script << QStringLiteral("rm -f %1/*.deb; if ls \"$b\"/debs/*.deb >/dev/null 2>&1; then cp -p "
                                 "\"$b\"/debs/*.deb %1/; fi")
                      .arg(Cache);
        QStringList dirs = RemoteFacts::managedDirs();
        std::reverse(dirs.begin(), dirs.end());
        for (const QString& dir : std::as_const(dirs))
            if (!m_facts.existingDirs.contains(dir))
                script << QStringLiteral("rmdir %1 2>/dev/null").arg(dir);
    }
    if (m_facts.packages.value(QStringLiteral("batond")).installed &&
        (m_serviceTouched || m_packagesTouched)) {
        script << (m_facts.unitEnabled == QLatin1StringView("enabled")
                       ? QStringLiteral("systemctl enable --quiet batond")
                       : QStringLiteral("systemctl disable --quiet batond"));
        if (m_facts.unitActive == QLatin1StringView("active"))
            script << QStringLiteral("systemctl restart batond");
    }
    script << QStringLiteral("rm -rf \"$b\"; rmdir %1 2>/dev/null; true").arg(BackupRoot);
    const auto result = root(QStringLiteral("rollback"), script.join(u'\n'), AptMs, error);
    if (!result)
        return false;
    if (!m_staging.isEmpty())
        m_host->user(QStringLiteral("rm -rf %1").arg(q(m_staging)), ShortMs, error);
    m_changed = false;
    step(QStringLiteral("rollback"), tr("done: %1 is as it was").arg(m_server));
    return true;
}

void ServerDeployment::finish()
{
    QString error;
    if (!m_host)
        return;
    if (m_backedUp)
        m_host->root(QStringLiteral("rm -rf %1; rmdir %2 2>/dev/null; true")
                         .arg(q(BackupRoot + u'/' + m_runId), BackupRoot),
                     ShortMs, &error);
    if (!m_staging.isEmpty())
        m_host->user(QStringLiteral("rm -rf %1").arg(q(m_staging)), ShortMs, &error);
    m_changed = false;
}

} // namespace baton
