// SPDX-License-Identifier: GPL-3.0-or-later
// batonctl: the administrator's command-line client.
#include "AdvertsCommand.h"
#include "ClientCommand.h"
#include "ConfigCommands.h"
#include "DeployHelper.h"
#include "DrillCommand.h"
#include "PkiCommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace baton;

namespace {
const char* const Usage =
    "usage: batonctl VERB [options]\n"
    "  check-config FILE             validate a batond.conf and print what batond would run\n"
    "  check-interfaces FILE         the same for the ucarp-* stanzas of an interfaces file\n"
    "  generate CLUSTER.json NODE    print the batond.conf for one node (its name, 1 or 2)\n"
    "  adverts --interface IF | --pcap FILE [--password-file F --vip A] [--config F] [--count N]\n"
    "                                decode CARP adverts live or from a capture, with HMAC verdicts\n"
    "  pki init DIR [--name CA-NAME] [--days N] [--encrypt | --passphrase-file F] [--ca-key F]\n"
    "  pki issue-agent DIR NAME ADDRESS... [--days N] [--replace]\n"
    "  pki issue-console DIR NAME [--operator] [--days N] [--replace]\n"
    "  pki revoke DIR NAME [--agent]\n"
    "  pki keygen FILE\n"
    "                                the control channel's CA and its certificates (pki --help)\n"
    "  deploy CLUSTER.json SERVER1 SERVER2 [--user U] [--packages DIR] [--yes] [--plan]\n"
    "                                install and configure batond on both servers over SSH\n"
    "                                (deploy --help); exit 0 done, 1 rolled back, 3 refused\n"
    "  drill --cluster FILE [--type classic|handover|agent-crash|reboot] [--report DIR]\n"
    "        [SERVER1 SERVER2]       run a failover drill against both agents; exit status = verdict\n"
    "                                (reboot: over SSH, by baton-deploy; drill --help)\n"
    "                                (0 passed, 1 failed, 3 refused by the preflight, 4 aborted)\n"
    "  --agent HOST[:PORT] --pki DIR [--console NAME] [--json] REQUEST\n"
    "                                talk to a running batond over mutual TLS; REQUEST is one of\n"
    "      status | watch | handover | maintenance on|off | log [--lines N]\n"
    "      adverts [--seconds N] | link-down IF --restore-after S | link-up IF\n"
    "      push-revocations  (hand DIR/revoked.crl to the agent) | history [--lines N]\n"
    "  --version, --help\n";
}

int main(int argc, char** argv)
{
    // The drill turns SIGINT/SIGTERM into an abort: blocked before the application starts threads.
    if (argc > 1 && qstrcmp(argv[1], "drill") == 0)
        return DrillCommand::main(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batonctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString verb = args.value(1);
    if (verb == QLatin1StringView("--help") || verb == QLatin1StringView("-h")) {
        out << Usage;
        return 0;
    }
    if (verb == QLatin1StringView("--version")) {
        out << "batonctl " << BATON_VERSION << '\n';
        return 0;
    }
    if (verb.startsWith(QLatin1StringView("--agent")))
        return ClientCommand::run(args);
    if (verb == QLatin1StringView("check-config") && args.size() == 3)
        return ConfigCommands::checkConfig(args[2]);
    if (verb == QLatin1StringView("check-interfaces") && args.size() == 3)
        return ConfigCommands::checkInterfaces(args[2]);
    if (verb == QLatin1StringView("generate") && args.size() == 4)
        return ConfigCommands::generate(args[2], args[3]);
    if (verb == QLatin1StringView("adverts")) {
        args.removeAt(1);
        args[0] = QStringLiteral("batonctl adverts");
        return AdvertsCommand::run(args);
    }
    if (verb == QLatin1StringView("deploy"))
        return DeployHelper::exec({"batonctl deploy"}, argc, argv, "batonctl deploy", 2);
    if (verb == QLatin1StringView("pki") && args.value(2) == QLatin1StringView("keygen") && args.size() == 4)
        return PkiCommand::keygen(args[3]);
    if (verb == QLatin1StringView("pki")) {
        args.removeAt(1);
        args[0] = QStringLiteral("batonctl pki");
        return PkiCommand::run(args);
    }
    err << "batonctl: "
        << (verb.isEmpty() ? QStringLiteral("no verb given") : QStringLiteral("bad use of '%1'").arg(verb))
        << "\n"
        << Usage;
    return 2;
}
