// Roles, as the contract names them. A user may hold several; every rule is about roles, never names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldbook {

enum class Role : std::uint8_t {
    Befriender,
    PlayVolunteer,
    PrisonVisitor,
    Mentor,
    Practitioner,
    Coordinator,
    SafeguardingOfficer,
    Manager,
    Admin
};

std::optional<Role> parseRole(std::string_view name);
std::string_view roleName(Role role);
const std::vector<Role>& allRoles();
bool isVolunteerRole(Role role); // befriender, play_volunteer, prison_visitor, mentor
// The volunteer role that works a case of `stream`: befriending -> befriender, play ->
// play_volunteer, visitor -> prison_visitor, mentoring -> mentor; nullopt for casework (any
// volunteer role may be matched there) and for an unknown stream.
std::optional<Role> volunteerRoleForStream(std::string_view stream);

class RoleSet
{
public:
    RoleSet() = default;
    RoleSet(std::initializer_list<Role> roles);
    void add(Role role) { m_bits |= bit(role); }
    bool has(Role role) const { return (m_bits & bit(role)) != 0; }
    bool empty() const { return m_bits == 0; }
    bool anyVolunteer() const;
    // Whether these roles may be matched on a case of `stream` (volunteerRoleForStream; any
    // volunteer role for casework).
    bool fitsStream(std::string_view stream) const;
    std::vector<Role> list() const;
    std::uint32_t bits() const { return m_bits; }
    static RoleSet fromBits(std::uint32_t bits) { RoleSet s; s.m_bits = bits; return s; }

private:
    static std::uint32_t bit(Role role) { return 1u << static_cast<unsigned>(role); }
    std::uint32_t m_bits = 0;
};

struct User
{
    std::string id;
    std::string name;
    RoleSet roles;
    std::string team;
};

} // namespace fieldbook
