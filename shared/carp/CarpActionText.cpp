// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpActionText.h"

#include "CarpStateNames.h"

#include <QStringList>

namespace baton {

namespace {

QString seconds(TimePoint t)
{
    return QString::number(static_cast<double>(t.count()) / 1e6, 'f', 6);
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>; // clang 14 needs the guide that GCC infers

} // namespace

QString CarpActionText::describe(const CarpAction& action)
{
    using namespace action;
    return std::visit(
        Overloaded{
            [](const SendAdvert& a) -> QString {
                return QStringLiteral("send-advert %1/%2 demote %3")
                    .arg(a.advbase)
                    .arg(a.advskew)
                    .arg(a.demote);
            },
            [](const AddVips&) -> QString { return QStringLiteral("add-vips"); },
            [](const RemoveVips&) -> QString { return QStringLiteral("remove-vips"); },
            [](const SendGarp&) -> QString { return QStringLiteral("send-garp"); },
            [](const RunHook& a) -> QString {
                return a.hook == Hook::Up ? QStringLiteral("run-hook up") : QStringLiteral("run-hook down");
            },
            [](const ArmTimer& a) -> QString { return QStringLiteral("arm-timer @") + seconds(a.deadline); },
            [](const CancelTimer&) -> QString { return QStringLiteral("cancel-timer"); },
            [](const Notify& a) -> QString {
                return QStringLiteral("notify %1 %2->%3")
                    .arg(QLatin1StringView(CarpStateNames::reason(a.reason)),
                         QLatin1StringView(CarpStateNames::state(a.from)),
                         QLatin1StringView(CarpStateNames::state(a.to)));
            },
        },
        action);
}

QString CarpActionText::describe(const CarpActions& actions)
{
    QStringList parts;
    for (const CarpAction& a : actions)
        parts << describe(a);
    return parts.join(QStringLiteral("; "));
}

} // namespace baton
