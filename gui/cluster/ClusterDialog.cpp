// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterDialog.h"

#include "net/Ipv4.h"
#include "pki/PkiDirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace baton {

namespace {
QSpinBox* spinBox(int minimum, int maximum, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    return box;
}

QString nodeKey(int index, const char* field)
{
    return QStringLiteral("nodes[%1].%2").arg(index).arg(QLatin1StringView(field));
}
} // namespace

ClusterDialog::ClusterDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Cluster"));
    setMinimumWidth(660);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("for example: web"));
    m_vip = new QLineEdit(this);
    m_vip->setPlaceholderText(tr("address/prefix, for example 192.0.2.10/24"));
    m_vhid = spinBox(1, 255, this);
    m_vhid->setToolTip(tr("The virtual host ID (ucarp-vid): the same on both nodes, unique on the network"));
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("The CARP password (ucarp-password), 1-19 bytes"));
    m_showPassword = new QCheckBox(tr("Show"), this);
    connect(m_showPassword, &QCheckBox::toggled, this,
            [this](bool show) { m_password->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_showPassword);
    m_advbase = spinBox(0, 255, this);
    m_advbase->setSuffix(tr(" s"));
    m_advbase->setToolTip(tr("Seconds between adverts (ucarp-advbase)"));
    m_preempt = new QCheckBox(tr("Take the VIP back when the preferred node returns (preempt)"), this);
    m_pkiDir = new QLineEdit(this);
    m_pkiDir->setPlaceholderText(tr("the folder made by batonctl pki init"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ClusterDialog::browsePki);
    auto* pkiRow = new QHBoxLayout;
    pkiRow->addWidget(m_pkiDir, 1);
    pkiRow->addWidget(browse);
    m_console = new QComboBox(this);
    m_console->setEditable(true);
    m_console->setInsertPolicy(QComboBox::NoInsert);
    m_console->lineEdit()->setPlaceholderText(tr("the only one in the PKI folder"));
    m_console->setToolTip(tr("Which certificate of the PKI folder's consoles/ this desktop presents to "
                             "the agents; a read-only one can watch but not command"));
    connect(m_pkiDir, &QLineEdit::textChanged, this, &ClusterDialog::listConsoles);

    auto* clusterBox = new QGroupBox(tr("Cluster"), this);
    auto* form = new QFormLayout(clusterBox);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("VIP:"), m_vip);
    form->addRow(tr("vhid:"), m_vhid);
    form->addRow(tr("Password:"), passwordRow);
    form->addRow(tr("Advert interval:"), m_advbase);
    form->addRow(QString(), m_preempt);
    form->addRow(tr("PKI folder:"), pkiRow);
    form->addRow(tr("Console certificate:"), m_console);

    auto* nodesRow = new QHBoxLayout;
    nodesRow->addWidget(makeNode(0));
    nodesRow->addWidget(makeNode(1));

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notesLabel = new QLabel(this);
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setForegroundRole(QPalette::PlaceholderText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(clusterBox);
    layout->addLayout(nodesRow);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_notesLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_fields = {
        {QStringLiteral("name"), m_name},       {QStringLiteral("vip"), m_vip},
        {QStringLiteral("vhid"), m_vhid},       {QStringLiteral("password"), m_password},
        {QStringLiteral("advbase"), m_advbase}, {QStringLiteral("pkiDir"), m_pkiDir},
        {QStringLiteral("console"), m_console},
    };
    for (int i = 0; i < 2; ++i) {
        const NodeFields& n = m_nodes[static_cast<std::size_t>(i)];
        m_fields.insert(nodeKey(i, "name"), n.name);
        m_fields.insert(nodeKey(i, "address"), n.address);
        m_fields.insert(nodeKey(i, "interface"), n.interface);
        m_fields.insert(nodeKey(i, "advskew"), n.advskew);
        m_fields.insert(nodeKey(i, "agentAddress"), n.agentAddress);
        m_fields.insert(nodeKey(i, "agentPort"), n.agentPort);
        m_fields.insert(nodeKey(i, "ssh"), n.ssh);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QWidget* field = it.value();
        field->setObjectName(it.key()); // tests and accessibility find fields by their key
        m_palettes.insert(field, field->palette());
        m_toolTips.insert(field, field->toolTip());
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            connect(edit, &QLineEdit::textChanged, this, &ClusterDialog::check);
        else if (auto* box = qobject_cast<QSpinBox*>(field))
            connect(box, &QSpinBox::valueChanged, this, &ClusterDialog::check);
    }
    connect(m_console, &QComboBox::editTextChanged, this, &ClusterDialog::check);
    connect(m_preempt, &QCheckBox::toggled, this, &ClusterDialog::check);

    // A new cluster: the usual values; node 1 is preferred (lower advskew).
    ClusterDefinition defaults;
    defaults.nodes[0].name = QStringLiteral("node1");
    defaults.nodes[1].name = QStringLiteral("node2");
    defaults.nodes[1].advskew = 100;
    setDefinition(defaults);
}

QWidget* ClusterDialog::makeNode(int index)
{
    NodeFields& n = m_nodes[static_cast<std::size_t>(index)];
    auto* box = new QGroupBox(tr("Node %1").arg(index + 1), this);
    n.name = new QLineEdit(box);
    n.address = new QLineEdit(box);
    n.address->setPlaceholderText(tr("its own address, for example 192.0.2.%1").arg(11 + index));
    n.interface = new QLineEdit(box);
    n.interface->setPlaceholderText(tr("for example eth0"));
    n.advskew = spinBox(0, 255, box);
    n.advskew->setToolTip(tr("Lower is preferred as MASTER (ucarp-advskew)"));
    n.agentAddress = new QLineEdit(box);
    n.agentAddress->setPlaceholderText(tr("the address above"));
    n.agentAddress->setToolTip(tr("Where this desktop reaches the agent, if not at the node's address"));
    n.agentPort = spinBox(0, 65535, box);
    n.ssh = new QLineEdit(box);
    n.ssh->setPlaceholderText(tr("not set up"));
    n.ssh->setToolTip(
        tr("How this desktop logs in to the server over SSH: an alias from ~/.ssh/config or "
           "[user@]host[:port]. Set by a deployment; the reboot drill needs it for both nodes."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Name:"), n.name);
    form->addRow(tr("Address:"), n.address);
    form->addRow(tr("Interface:"), n.interface);
    form->addRow(tr("advskew:"), n.advskew);
    form->addRow(tr("Agent address:"), n.agentAddress);
    form->addRow(tr("Agent port:"), n.agentPort);
    form->addRow(tr("SSH:"), n.ssh);
    return box;
}

void ClusterDialog::setDefinition(const ClusterDefinition& d)
{
    m_name->setText(d.name);
    m_vip->setText(d.vip.address == 0 ? QString() : d.vip.toString());
    m_vhid->setValue(d.vhid);
    m_password->setText(d.password);
    m_advbase->setValue(d.advbase);
    m_preempt->setChecked(d.preempt);
    m_pkiDir->setText(d.pkiDir);
    listConsoles(); // also when the folder is the same: its certificates may have changed
    m_console->setEditText(d.console);
    m_deadratio = d.deadratio;
    for (std::size_t i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& node = d.nodes[i];
        const NodeFields& n = m_nodes[i];
        n.name->setText(node.name);
        n.address->setText(node.address == 0 ? QString() : Ipv4::toString(node.address));
        n.interface->setText(node.interface);
        n.advskew->setValue(node.advskew);
        n.agentAddress->setText(node.agentAddress);
        n.agentPort->setValue(node.agentPort);
        n.ssh->setText(d.ssh[i]);
    }
    check();
}

void ClusterDialog::setTakenNames(const QStringList& names)
{
    m_takenNames = names;
    check();
}

std::optional<ClusterDefinition> ClusterDialog::definition() const
{
    return read(nullptr);
}

std::optional<ClusterDefinition> ClusterDialog::read(QString* error) const
{
    // Through the JSON reader: addresses and numbers are parsed, and refused, exactly as in a file.
    QJsonArray nodes;
    for (const NodeFields& n : m_nodes)
        nodes.append(QJsonObject{
            {QStringLiteral("name"), n.name->text().trimmed()},
            {QStringLiteral("address"), n.address->text().trimmed()},
            {QStringLiteral("interface"), n.interface->text().trimmed()},
            {QStringLiteral("advskew"), n.advskew->value()},
            {QStringLiteral("agentAddress"), n.agentAddress->text().trimmed()},
            {QStringLiteral("agentPort"), n.agentPort->value()},
            {QStringLiteral("ssh"), n.ssh->text().trimmed()},
        });
    const QJsonObject json{
        {QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("vip"), m_vip->text().trimmed()},
        {QStringLiteral("vhid"), m_vhid->value()},
        {QStringLiteral("password"), m_password->text()},
        {QStringLiteral("advbase"), m_advbase->value()},
        {QStringLiteral("preempt"), m_preempt->isChecked()},
        {QStringLiteral("deadratio"), static_cast<qint64>(m_deadratio)},
        {QStringLiteral("pkiDir"), m_pkiDir->text().trimmed()},
        {QStringLiteral("console"), m_console->currentText().trimmed()},
        {QStringLiteral("nodes"), nodes},
    };
    return ClusterDefinition::fromJson(json, error);
}

void ClusterDialog::browsePki()
{
    // Not the static getExistingDirectory(): that would run a nested event loop.
    auto* picker = new QFileDialog(this, tr("PKI folder"), m_pkiDir->text());
    picker->setFileMode(QFileDialog::Directory);
    picker->setOption(QFileDialog::ShowDirsOnly);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QFileDialog::fileSelected, this,
            [this](const QString& folder) { m_pkiDir->setText(folder); });
    picker->open();
}

void ClusterDialog::listConsoles()
{
    // Offer what the folder holds; the typed choice stays as it is.
    const QString chosen = m_console->currentText();
    const QSignalBlocker blocker(m_console);
    m_console->clear();
    const QString dir = m_pkiDir->text().trimmed();
    if (!dir.isEmpty())
        m_console->addItems(PkiDirectory::consoleNames(dir));
    m_console->setEditText(chosen);
}

QString ClusterDialog::consoleProblem(const ClusterDefinition& d) const
{
    // Only a folder that exists can be checked: the cluster may be defined before the PKI is made.
    if (d.pkiDir.isEmpty() || !QFileInfo(d.pkiDir).isDir())
        return {};
    const QStringList names = PkiDirectory::consoleNames(d.pkiDir);
    if (names.isEmpty())
        return tr("%1/consoles holds no console certificate: make one with batonctl pki issue-console %1 "
                  "NAME --operator")
            .arg(d.pkiDir);
    if (!d.console.isEmpty() && !names.contains(d.console))
        return tr("no console certificate '%1' in %2/consoles").arg(d.console, d.pkiDir);
    if (d.console.isEmpty() && names.size() > 1)
        return tr("the PKI folder has several console certificates (%1): choose one")
            .arg(names.join(QStringLiteral(", ")));
    return {};
}

void ClusterDialog::mark(QWidget* field, const QString& problem)
{
    if (!field)
        return;
    QPalette palette = m_palettes.value(field, field->palette());
    if (!problem.isEmpty())
        palette.setColor(QPalette::Base, QColor(0xff, 0xdd, 0xdd));
    field->setPalette(palette);
    field->setToolTip(problem.isEmpty() ? m_toolTips.value(field) : problem);
}

void ClusterDialog::check()
{
    if (m_buttons == nullptr)
        return; // still being built
    QStringList problems;
    QHash<QString, QString> byField;
    QString readError;
    const auto definition = read(&readError);
    if (!definition) {
        problems.append(readError);
        byField.insert(readError.section(u':', 0, 0), readError.section(u':', 1).trimmed());
    } else {
        for (const ConfigError& e : definition->validate()) {
            problems.append(QStringLiteral("%1: %2").arg(e.key, e.message)); // as fromJson() words its errors
            if (!byField.contains(e.key))
                byField.insert(e.key, e.message);
        }
        if (const QString problem = consoleProblem(*definition); !problem.isEmpty()) {
            problems.append(tr("console: %1").arg(problem));
            byField.insert(QStringLiteral("console"), problem);
        }
        if (m_takenNames.contains(definition->name)) {
            const QString problem = tr("another cluster is named '%1'").arg(definition->name);
            problems.append(tr("name: %1").arg(problem));
            byField.insert(QStringLiteral("name"), problem);
        }
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        mark(it.value(), byField.value(it.key()));
    m_problems = problems;
    m_problemsLabel->setText(problems.join(u'\n'));
    m_problemsLabel->setVisible(!problems.isEmpty());
    const QStringList notes = definition && problems.isEmpty() ? definition->advisories() : QStringList();
    m_notesLabel->setText(notes.isEmpty() ? QString() : tr("Note: %1").arg(notes.join(QStringLiteral("; "))));
    m_notesLabel->setVisible(!notes.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace baton
