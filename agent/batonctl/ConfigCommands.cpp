// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigCommands.h"

#include "config/AgentConfigParser.h"
#include "config/AgentConfigWriter.h"
#include "config/ClusterConfigGenerator.h"
#include "config/ClusterDefinition.h"
#include "config/ConfigSummary.h"
#include "config/IfupdownReader.h"
#include "config/PeerPath.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace baton {

int ConfigCommands::checkConfig(const QString& path)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ConfigSummary::report(AgentConfigParser::parseFile(path), QStringLiteral("batonctl"), out, err);
}

int ConfigCommands::checkInterfaces(const QString& path)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ConfigSummary::report(IfupdownReader::readFile(path), QStringLiteral("batonctl"), out, err);
}

int ConfigCommands::generate(const QString& clusterFile, const QString& nodeSelector)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const auto cluster = ClusterDefinition::readFile(clusterFile, &error);
    if (!cluster) {
        err << "batonctl: " << error << '\n';
        return 1;
    }
    int index = -1;
    for (int i = 0; i < static_cast<int>(cluster->nodes.size()); ++i)
        if (cluster->nodes[static_cast<size_t>(i)].name == nodeSelector ||
            QString::number(i + 1) == nodeSelector)
            index = i;
    if (index < 0) {
        err << "batonctl: " << clusterFile << ": no node named '" << nodeSelector
            << "' (give a node name, or 1 or 2)\n";
        return 1;
    }
    const ConfigResult result = ClusterConfigGenerator::generate(*cluster, index);
    for (const ConfigError& e : result.errors)
        err << "batonctl: " << clusterFile << ": " << e.toString() << '\n';
    if (!result.ok())
        return 1;
    out << AgentConfigWriter::write(result.config);
    // On stderr, so that the file on stdout stays exactly the agent's configuration.
    err << "batonctl: fast failover (the peer link): " << PeerPath::of(*cluster).describe(*cluster) << '\n';
    return 0;
}

} // namespace baton
