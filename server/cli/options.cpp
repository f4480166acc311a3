#include "cli/options.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace fieldbook::server {

Options::Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags, std::size_t positionals)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) == 0) {
            if (valued.count(arg) > 0) {
                if (i + 1 >= args.size()) {
                    throw UsageError(arg + " needs a value");
                }
                m_values[arg].push_back(args[++i]);
            } else if (flags.count(arg) > 0) {
                m_flags.insert(arg);
            } else {
                throw UsageError("unknown option " + arg);
            }
        } else if (m_positional.size() < positionals) {
            m_positional.push_back(arg);
        } else {
            throw UsageError("unexpected argument " + arg);
        }
    }
}

std::string Options::environmentName(const std::string& option)
{
    std::string name = "FIELDBOOK_";
    for (const char c : option.substr(option.rfind("--", 0) == 0 ? 2 : 0)) {
        name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return name;
}

void Options::addEnvironment(const std::set<std::string>& valued, const std::set<std::string>& flags)
{
    for (const auto& option : valued) {
        if (m_values.count(option) > 0) {
            continue;
        }
        if (const char* text = std::getenv(environmentName(option).c_str()); text != nullptr && *text != '\0') {
            m_values[option].emplace_back(text);
        }
    }
    for (const auto& option : flags) {
        const char* text = std::getenv(environmentName(option).c_str());
        if (text == nullptr) {
            continue;
        }
        const std::string word(text);
        if (word == "1" || word == "true" || word == "yes") {
            m_flags.insert(option);
        } else if (!word.empty() && word != "0" && word != "false" && word != "no") {
            throw UsageError(environmentName(option) + " must be 1, true, yes, 0, false or no");
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const
{
    const auto found = m_values.find(name);
    if (found == m_values.end()) {
        return std::nullopt;
    }
    if (found->second.size() > 1) {
        throw UsageError(name + " may be given only once");
    }
    return found->second.front();
}

std::string Options::required(const std::string& name) const
{
    auto found = value(name);
    if (!found) {
        throw UsageError(name + " is required");
    }
    return *found;
}

std::vector<std::string> Options::all(const std::string& name) const
{
    const auto found = m_values.find(name);
    return found == m_values.end() ? std::vector<std::string>{} : found->second;
}

long long Options::integer(const std::string& name, long long fallback, long long min, long long max) const
{
    const auto text = value(name);
    if (!text) {
        return fallback;
    }
    long long number = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (error != std::errc() || end != text->data() + text->size() || number < min || number > max) {
        throw UsageError(name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    }
    return number;
}

} // namespace fieldbook::server
