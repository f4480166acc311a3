#include "rules/roles.h"

#include <array>
#include <utility>

namespace fieldbook {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 9> kRoleNames = {{
    {Role::Befriender, "befriender"},
    {Role::PlayVolunteer, "play_volunteer"},
    {Role::PrisonVisitor, "prison_visitor"},
    {Role::Mentor, "mentor"},
    {Role::Practitioner, "practitioner"},
    {Role::Coordinator, "coordinator"},
    {Role::SafeguardingOfficer, "safeguarding_officer"},
    {Role::Manager, "manager"},
    {Role::Admin, "admin"},
}};

} // namespace

std::optional<Role> parseRole(std::string_view name)
{
    for (const auto& [role, text] : kRoleNames) {
        if (text == name) {
            return role;
        }
    }
    return std::nullopt;
}

std::string_view roleName(Role role)
{
    for (const auto& [candidate, text] : kRoleNames) {
        if (candidate == role) {
            return text;
        }
    }
    return {};
}

const std::vector<Role>& allRoles()
{
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        out.reserve(kRoleNames.size());
        for (const auto& entry : kRoleNames) {
            out.push_back(entry.first);
        }
        return out;
    }();
    return roles;
}

bool isVolunteerRole(Role role)
{
    return role == Role::Befriender || role == Role::PlayVolunteer || role == Role::PrisonVisitor
        || role == Role::Mentor;
}

std::optional<Role> volunteerRoleForStream(std::string_view stream)
{
    if (stream == "befriending") {
        return Role::Befriender;
    }
    if (stream == "play") {
        return Role::PlayVolunteer;
    }
    if (stream == "visitor") {
        return Role::PrisonVisitor;
    }
    if (stream == "mentoring") {
        return Role::Mentor;
    }
    return std::nullopt;
}

RoleSet::RoleSet(std::initializer_list<Role> roles)
{
    for (const Role role : roles) {
        add(role);
    }
}

bool RoleSet::anyVolunteer() const
{
    return has(Role::Befriender) || has(Role::PlayVolunteer) || has(Role::PrisonVisitor) || has(Role::Mentor);
}

bool RoleSet::fitsStream(std::string_view stream) const
{
    if (const auto role = volunteerRoleForStream(stream)) {
        return has(*role);
    }
    return anyVolunteer();
}

std::vector<Role> RoleSet::list() const
{
    std::vector<Role> out;
    for (const Role role : allRoles()) {
        if (has(role)) {
            out.push_back(role);
        }
    }
    return out;
}

} // namespace fieldbook
