#include "handlers/handlers.h"

#include "http/apierror.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace fieldbook::server {

namespace {

// Who runs a team's cases needs its members by name (a coordinator matches volunteers, a
// practitioner reads who wrote a record), never more than id, name and roles: no device, no
// enrolment, nothing about any case. A caller without a team sees only themselves, since an empty
// team is no team (as for holdsPerson).
Response team(ServerContext& context, const Request& request)
{
    auto store = context.stores.acquire();
    const Caller caller = context.auth.authenticate(*store, request.authorization, context.clock.seconds());
    if (!caller.user.roles.has(Role::Coordinator) && !caller.user.roles.has(Role::Practitioner)) {
        throw ApiException(ApiError::Forbidden, "Only a coordinator or a practitioner may list their team.");
    }
    std::vector<User> members;
    for (User& user : store->users()) {
        const bool same = user.id == caller.user.id || (!caller.user.team.empty() && user.team == caller.user.team);
        if (same) {
            members.push_back(std::move(user));
        }
    }
    std::sort(members.begin(), members.end(), [](const User& a, const User& b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    boost::json::array users;
    for (const User& member : members) {
        boost::json::array roles;
        for (const Role role : member.roles.list()) {
            roles.emplace_back(roleName(role));
        }
        users.push_back(boost::json::object{{"user_id", member.id}, {"name", member.name}, {"roles", std::move(roles)}});
    }
    Response response = jsonResponse(200, boost::json::serialize(boost::json::object{
                                              {"team", caller.user.team}, {"users", std::move(users)}}));
    response.deviceId = caller.deviceId;
    return response;
}

} // namespace

void addTeamRoutes(Router& router, ServerContext& context)
{
    router.add("GET", "/v1/team", [&context](const Request& request) { return team(context, request); });
}

} // namespace fieldbook::server
