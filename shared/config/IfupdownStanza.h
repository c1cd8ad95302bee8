// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace baton {

// An "iface NAME FAMILY METHOD" stanza with its option lines, each remembering where it was.
struct IfupdownStanza
{
    struct Option
    {
        QString key;
        QString value;
        QString file;
        int line = 0;
    };

    QString name;
    QString family;
    QString method;
    QString file;
    int line = 0;
    QList<Option> options;

    // The first option with this key, or nullptr.
    const Option* find(QStringView key) const
    {
        for (const Option& option : options)
            if (option.key == key)
                return &option;
        return nullptr;
    }
    bool hasUcarpKeys() const
    {
        for (const Option& option : options)
            if (option.key.startsWith(u"ucarp-"))
                return true;
        return false;
    }
};

} // namespace baton
