// An AppController (the app without its screens) unlocked over a store that already holds the
// fixture's befriending case, for the tests of the controllers and models that read through it.
#pragma once

#include "appcontroller.h"
#include "storefixture.h"

#include <QTemporaryDir>

#include <memory>

namespace fixture {

struct App
{
    explicit App(fieldbook::RoleSet roles = {fieldbook::Role::Befriender}, const std::string& userId = kVolunteer,
                 std::vector<fieldbook::Change> pulledChanges = clearedCase());
    QTemporaryDir dir;
    std::unique_ptr<fieldbook::app::AppController> app;
};

} // namespace fixture
