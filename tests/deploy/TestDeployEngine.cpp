// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployEngine.h"

#include <QTest>

using namespace baton;

class TestDeployEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A lost connection's text starts with the SSH operation; when that is the step, it is said once.
    void stepFailureNamesTheStepOnce()
    {
        QCOMPARE(
            DeployEngine::stepFailure(QStringLiteral("upload"), QStringLiteral("node2"),
                                      QStringLiteral("upload: the connection to node2 was lost (reset)")),
            QStringLiteral("step 'upload' failed on node2: the connection to node2 was lost (reset)"));
        QCOMPARE(
            DeployEngine::stepFailure(QStringLiteral("certificate"), QStringLiteral("node2"),
                                      QStringLiteral("upload: the connection to node2 was lost (reset)")),
            QStringLiteral("step 'certificate' failed on node2: upload: the connection to node2 was lost "
                           "(reset)"));
        // Only a leading "<step>: " goes, not the word anywhere else.
        QCOMPARE(DeployEngine::stepFailure(QStringLiteral("upload"), QStringLiteral("node1"),
                                           QStringLiteral("no space left for the upload")),
                 QStringLiteral("step 'upload' failed on node1: no space left for the upload"));
    }

    void exitCodesAsDocumented()
    {
        // batonctl.1: 0 deployed or nothing to change (or only planned), 1 failed and rolled back,
        // 3 refused before any change, 4 cancelled and rolled back, 5 not completely rolled back.
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::Deployed), 0);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::NothingToChange), 0);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::Planned), 0);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::RolledBack), 1);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::Refused), 3);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::Cancelled), 4);
        QCOMPARE(DeployEngine::exitCode(DeployEngine::Outcome::Failed), 5);
    }
};

QTEST_GUILESS_MAIN(TestDeployEngine)
#include "TestDeployEngine.moc"
