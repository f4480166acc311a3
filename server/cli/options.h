// A small command-line reader for `serve` and `admin`: "--name value" pairs (repeatable) and
// flags, with errors that say which option is wrong.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fieldbook::server {

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class Options
{
public:
    // `valued` lists the options that take a value, `flags` those that do not; anything else
    // starting with "--" is a UsageError, and so is a bare word after the first `positionals`.
    Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags, std::size_t positionals = 0);

    // Every option among `names` not given on the command line is read from the environment
    // variable FIELDBOOK_<NAME> (upper case, '-' as '_': --max-connections is
    // FIELDBOOK_MAX_CONNECTIONS); a flag is set by the values 1, true or yes.
    void addEnvironment(const std::set<std::string>& valued, const std::set<std::string>& flags);
    static std::string environmentName(const std::string& option);

    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    const std::vector<std::string>& positional() const { return m_positional; }
    long long integer(const std::string& name, long long fallback, long long min, long long max) const;

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positional;
};

} // namespace fieldbook::server
