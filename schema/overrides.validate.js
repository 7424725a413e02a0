// Generated from overrides.schema.json by `npm run schema:validators` (scripts/schema-validators.ts): do not edit.
"use strict";
exports.validate = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://example.invalid/pulumi-cognito-auth-event-feedback/schema/overrides.schema.json","title":"Cognito auth-event feedback overrides","description":"a mapping with overrides (a list of reviewed verdicts on Cognito auth events), an optional default userPoolId and an optional version: 1. Feedback tokens never go here: they live in secret stack config (see the package README)","type":"object","additionalProperties":false,"required":["overrides"],"properties":{"$schema":{"type":"string","description":"optional path or URL of this schema, for editors"},"version":{"const":1,"description":"the format version, 1 (optional)"},"userPoolId":{"$ref":"#/definitions/userPoolId","description":"the user pool of every entry that names none, <region>_<id>, e.g. us-east-1_AbC123xyZ"},"overrides":{"type":"array","description":"a list of verdicts, one per auth event","items":{"$ref":"#/definitions/override"}}},"definitions":{"userPoolId":{"type":"string","maxLength":55,"pattern":"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$","description":"a user pool id, <region>_<id>, e.g. us-east-1_AbC123xyZ"},"override":{"type":"object","description":"a verdict on one auth event: username, eventId, verdict and reason, optionally userPoolId and ticket","additionalProperties":false,"required":["username","eventId","verdict","reason"],"properties":{"userPoolId":{"$ref":"#/definitions/userPoolId","description":"the event's user pool, <region>_<id>; default: the file's userPoolId"},"username":{"type":"string","minLength":1,"maxLength":128,"pattern":"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$","description":"the user: username, an alias (email, phone) or the sub; 1-128 characters, no whitespace"},"eventId":{"type":"string","minLength":1,"maxLength":50,"pattern":"^[\\w+-]+$","description":"the auth event's EventId: 1-50 letters, digits, _, + or -"},"verdict":{"type":"string","pattern":"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$","examples":["valid","invalid"],"description":"valid (the sign-in was the real user) or invalid (it was not); any letter case"},"reason":{"type":"string","minLength":1,"maxLength":500,"pattern":"\\S","description":"why the verdict is right, in a sentence (who confirmed it, and how); at most 500 characters"},"ticket":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S+$","description":"a reference to the ticket behind the verdict, like SEC-1234 or a link; at most 200 characters"}}}}};
const schema12 = {"type":"string","maxLength":55,"pattern":"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$","description":"a user pool id, <region>_<id>, e.g. us-east-1_AbC123xyZ"};
const func2 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$", "u");
const schema13 = {"type":"object","description":"a verdict on one auth event: username, eventId, verdict and reason, optionally userPoolId and ticket","additionalProperties":false,"required":["username","eventId","verdict","reason"],"properties":{"userPoolId":{"$ref":"#/definitions/userPoolId","description":"the event's user pool, <region>_<id>; default: the file's userPoolId"},"username":{"type":"string","minLength":1,"maxLength":128,"pattern":"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$","description":"the user: username, an alias (email, phone) or the sub; 1-128 characters, no whitespace"},"eventId":{"type":"string","minLength":1,"maxLength":50,"pattern":"^[\\w+-]+$","description":"the auth event's EventId: 1-50 letters, digits, _, + or -"},"verdict":{"type":"string","pattern":"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$","examples":["valid","invalid"],"description":"valid (the sign-in was the real user) or invalid (it was not); any letter case"},"reason":{"type":"string","minLength":1,"maxLength":500,"pattern":"\\S","description":"why the verdict is right, in a sentence (who confirmed it, and how); at most 500 characters"},"ticket":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S+$","description":"a reference to the ticket behind the verdict, like SEC-1234 or a link; at most 200 characters"}}};
const pattern2 = new RegExp("^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$", "u");
const pattern3 = new RegExp("^[\\w+-]+$", "u");
const pattern4 = new RegExp("^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$", "u");
const pattern5 = new RegExp("\\S", "u");
const pattern6 = new RegExp("^\\S+$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.username === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.eventId === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "eventId"},message:"must have required property '"+"eventId"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.verdict === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "verdict"},message:"must have required property '"+"verdict"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.reason === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "userPoolId") || (key0 === "username")) || (key0 === "eventId")) || (key0 === "verdict")) || (key0 === "reason")) || (key0 === "ticket"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.userPoolId !== undefined){
let data0 = data.userPoolId;
if(typeof data0 === "string"){
if(func2(data0) > 55){
const err5 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/maxLength",keyword:"maxLength",params:{limit: 55},message:"must NOT have more than 55 characters",schema:55,parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!pattern0.test(data0)){
const err6 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"},message:"must match pattern \""+"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"+"\"",schema:"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$",parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.username !== undefined){
let data1 = data.username;
if(typeof data1 === "string"){
if(func2(data1) > 128){
const err8 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data1) < 1){
const err9 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern2.test(data1)){
const err10 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"},message:"must match pattern \""+"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"+"\"",schema:"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$",parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.username.type,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.eventId !== undefined){
let data2 = data.eventId;
if(typeof data2 === "string"){
if(func2(data2) > 50){
const err12 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(data2) < 1){
const err13 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern3.test(data2)){
const err14 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/pattern",keyword:"pattern",params:{pattern: "^[\\w+-]+$"},message:"must match pattern \""+"^[\\w+-]+$"+"\"",schema:"^[\\w+-]+$",parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.eventId.type,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.verdict !== undefined){
let data3 = data.verdict;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err16 = {instancePath:instancePath+"/verdict",schemaPath:"#/properties/verdict/pattern",keyword:"pattern",params:{pattern: "^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$"},message:"must match pattern \""+"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$"+"\"",schema:"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$",parentSchema:schema13.properties.verdict,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/verdict",schemaPath:"#/properties/verdict/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.verdict.type,parentSchema:schema13.properties.verdict,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.reason !== undefined){
let data4 = data.reason;
if(typeof data4 === "string"){
if(func2(data4) > 500){
const err18 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(func2(data4) < 1){
const err19 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern5.test(data4)){
const err20 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.reason.type,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.ticket !== undefined){
let data5 = data.ticket;
if(typeof data5 === "string"){
if(func2(data5) > 200){
const err22 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(func2(data5) < 1){
const err23 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern6.test(data5)){
const err24 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/pattern",keyword:"pattern",params:{pattern: "^\\S+$"},message:"must match pattern \""+"^\\S+$"+"\"",schema:"^\\S+$",parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.ticket.type,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://example.invalid/pulumi-cognito-auth-event-feedback/schema/overrides.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.overrides === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "overrides"},message:"must have required property '"+"overrides"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "version")) || (key0 === "userPoolId")) || (key0 === "overrides"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(1 !== data1){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.userPoolId !== undefined){
let data2 = data.userPoolId;
if(typeof data2 === "string"){
if(func2(data2) > 55){
const err4 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/maxLength",keyword:"maxLength",params:{limit: 55},message:"must NOT have more than 55 characters",schema:55,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data2)){
const err5 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"},message:"must match pattern \""+"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"+"\"",schema:"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$",parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.overrides !== undefined){
let data3 = data.overrides;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data3[i0], {instancePath:instancePath+"/overrides/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/overrides",schemaPath:"#/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.overrides.type,parentSchema:schema11.properties.overrides,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

exports.validateEntry = validate13;

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.username === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.eventId === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "eventId"},message:"must have required property '"+"eventId"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.verdict === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "verdict"},message:"must have required property '"+"verdict"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.reason === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "userPoolId") || (key0 === "username")) || (key0 === "eventId")) || (key0 === "verdict")) || (key0 === "reason")) || (key0 === "ticket"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.userPoolId !== undefined){
let data0 = data.userPoolId;
if(typeof data0 === "string"){
if(func2(data0) > 55){
const err5 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/maxLength",keyword:"maxLength",params:{limit: 55},message:"must NOT have more than 55 characters",schema:55,parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!pattern0.test(data0)){
const err6 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"},message:"must match pattern \""+"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$"+"\"",schema:"^[a-z]{2}(?:-[a-z]+)+-\\d+_[0-9a-zA-Z]+$",parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/userPoolId",schemaPath:"#/definitions/userPoolId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.username !== undefined){
let data1 = data.username;
if(typeof data1 === "string"){
if(func2(data1) > 128){
const err8 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data1) < 1){
const err9 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern2.test(data1)){
const err10 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"},message:"must match pattern \""+"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"+"\"",schema:"^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$",parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/username",schemaPath:"#/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.username.type,parentSchema:schema13.properties.username,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.eventId !== undefined){
let data2 = data.eventId;
if(typeof data2 === "string"){
if(func2(data2) > 50){
const err12 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(data2) < 1){
const err13 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern3.test(data2)){
const err14 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/pattern",keyword:"pattern",params:{pattern: "^[\\w+-]+$"},message:"must match pattern \""+"^[\\w+-]+$"+"\"",schema:"^[\\w+-]+$",parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/eventId",schemaPath:"#/properties/eventId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.eventId.type,parentSchema:schema13.properties.eventId,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.verdict !== undefined){
let data3 = data.verdict;
if(typeof data3 === "string"){
if(!pattern4.test(data3)){
const err16 = {instancePath:instancePath+"/verdict",schemaPath:"#/properties/verdict/pattern",keyword:"pattern",params:{pattern: "^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$"},message:"must match pattern \""+"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$"+"\"",schema:"^(?:[Vv][Aa][Ll][Ii][Dd]|[Ii][Nn][Vv][Aa][Ll][Ii][Dd])$",parentSchema:schema13.properties.verdict,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/verdict",schemaPath:"#/properties/verdict/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.verdict.type,parentSchema:schema13.properties.verdict,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.reason !== undefined){
let data4 = data.reason;
if(typeof data4 === "string"){
if(func2(data4) > 500){
const err18 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(func2(data4) < 1){
const err19 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern5.test(data4)){
const err20 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.reason.type,parentSchema:schema13.properties.reason,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.ticket !== undefined){
let data5 = data.ticket;
if(typeof data5 === "string"){
if(func2(data5) > 200){
const err22 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(func2(data5) < 1){
const err23 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern6.test(data5)){
const err24 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/pattern",keyword:"pattern",params:{pattern: "^\\S+$"},message:"must match pattern \""+"^\\S+$"+"\"",schema:"^\\S+$",parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/ticket",schemaPath:"#/properties/ticket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.ticket.type,parentSchema:schema13.properties.ticket,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

