// Loaded by mocha before any spec (see .mocharc.json).
// The AWS SDK warns once per process that its 2027 releases need Node 22; useful to users, noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
