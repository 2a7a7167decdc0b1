-- wrk script: POST the assessment body named by $ASSESSMENT_BODY, and count the answers by status.
local file = assert(io.open(os.getenv("ASSESSMENT_BODY"), "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()
